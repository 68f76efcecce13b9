package org.interviewtasks.practice;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.BlockComment;
import com.github.javaparser.ast.comments.LineComment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption;
import com.github.javaparser.printer.configuration.Indentation;
import com.github.javaparser.printer.configuration.Indentation.IndentType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a task's source file into the stub a learner starts from: the same package, imports, types,
 * signatures, annotations and Javadoc, with every body replaced by {@code throw new
 * UnsupportedOperationException("TODO: ...")}.
 *
 * <p>What stays and what goes, so that the stub compiles against the same tests and gives nothing
 * of the solution away:
 *
 * <ul>
 *   <li>Methods and constructors that are not private keep their signature; their bodies throw. A
 *       constructor keeps its explicit {@code this(...)}/{@code super(...)} call (Java requires
 *       it), and a constructor that does nothing but pass its parameters on (an exception's {@code
 *       super(message, cause)}) is kept whole. Private constructors stay too (they keep a utility
 *       class from getting a public default constructor).
 *   <li>Abstract and interface methods stay as they are; default and static ones throw.
 *   <li>Records keep their components, and a compact constructor is left empty (with a TODO
 *       comment), so the record stays constructible: tests build their inputs from records. Enums
 *       keep their constants with their arguments, constructors and fields (an enum constant is
 *       data). Their methods throw.
 *   <li>Fields that are not private stay with their initializers (the constants a test may use).
 *   <li>Private fields, methods, nested types and initializer blocks are dropped, except those that
 *       something kept still names (a private helper in a {@code super(...)} argument, a private
 *       constant in a public one's initializer); kept private methods throw as well.
 * </ul>
 *
 * <p>The stub is parsed and printed with JavaParser, so any task's code, present or future, gets
 * its stub with no extra work.
 */
public final class StubWriter {

  private static final String TODO = "TODO: ";

  private final JavaParser parser;
  private final DefaultPrettyPrinter printer;

  /** A writer for Java 21 sources, printing with two-space indentation. */
  public StubWriter() {
    this.parser =
        new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
    DefaultPrinterConfiguration configuration = new DefaultPrinterConfiguration();
    configuration.addOption(
        new DefaultConfigurationOption(
            ConfigOption.INDENTATION, new Indentation(IndentType.SPACES, 2)));
    this.printer = new DefaultPrettyPrinter(configuration);
  }

  /**
   * Parses a source file.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if it is not valid Java 21
   */
  public CompilationUnit parse(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    ParseResult<CompilationUnit> result = parser.parse(file);
    return result
        .getResult()
        .filter(unit -> result.isSuccessful())
        .orElseThrow(
            () ->
                new IllegalArgumentException("cannot parse " + file + ": " + result.getProblems()));
  }

  /**
   * The stub of a parsed source file (the unit is changed in place).
   *
   * @param unit the reference's compilation unit
   * @param header the text of a comment put before the package declaration, or null for none
   * @return the stub's source text
   */
  public String stub(CompilationUnit unit, String header) {
    Objects.requireNonNull(unit, "unit");
    for (TypeDeclaration<?> type : unit.getTypes()) {
      stubType(type, type.getNameAsString());
    }
    if (header != null) {
      unit.setComment(new BlockComment(blockCommentText(header)));
    }
    return printer.print(unit);
  }

  /** The names a unit's code mentions, outside comments: types, methods, fields, variables. */
  public static Set<String> namesIn(Node node) {
    Set<String> names = new HashSet<>();
    node.findAll(SimpleName.class).forEach(name -> names.add(name.getIdentifier()));
    node.findAll(Name.class).forEach(name -> names.add(name.getIdentifier()));
    return names;
  }

  /**
   * The names a node's code refers to (not those it declares): variables and fields, methods called
   * or referenced, types used, annotations.
   */
  public static Set<String> referencesIn(Node node) {
    Set<String> names = new HashSet<>();
    node.findAll(NameExpr.class).forEach(n -> names.add(n.getNameAsString()));
    node.findAll(MethodCallExpr.class).forEach(n -> names.add(n.getNameAsString()));
    node.findAll(FieldAccessExpr.class).forEach(n -> names.add(n.getNameAsString()));
    node.findAll(MethodReferenceExpr.class).forEach(n -> names.add(n.getIdentifier()));
    node.findAll(ClassOrInterfaceType.class).forEach(n -> names.add(n.getNameAsString()));
    node.findAll(AnnotationExpr.class).forEach(n -> names.add(n.getName().getIdentifier()));
    return names;
  }

  /** The simple names of the types a unit declares at its top level. */
  public static List<String> topLevelTypes(CompilationUnit unit) {
    return unit.getTypes().stream().map(TypeDeclaration::getNameAsString).toList();
  }

  /** The simple names a top-level type extends or implements, as written. */
  public static Set<String> supertypes(CompilationUnit unit) {
    Set<String> names = new LinkedHashSet<>();
    for (TypeDeclaration<?> type : unit.getTypes()) {
      List<ClassOrInterfaceType> supers = new ArrayList<>();
      if (type instanceof ClassOrInterfaceDeclaration declaration) {
        supers.addAll(declaration.getExtendedTypes());
        supers.addAll(declaration.getImplementedTypes());
      } else if (type instanceof RecordDeclaration record) {
        supers.addAll(record.getImplementedTypes());
      } else if (type instanceof EnumDeclaration enumeration) {
        supers.addAll(enumeration.getImplementedTypes());
      }
      supers.forEach(s -> names.add(s.getNameWithScope()));
    }
    return names;
  }

  private enum Kind {
    CLASS,
    INTERFACE,
    ENUM,
    RECORD,
    ANNOTATION
  }

  private static Kind kindOf(TypeDeclaration<?> type) {
    if (type instanceof EnumDeclaration) {
      return Kind.ENUM;
    }
    if (type instanceof RecordDeclaration) {
      return Kind.RECORD;
    }
    if (type instanceof ClassOrInterfaceDeclaration declaration) {
      return declaration.isInterface() ? Kind.INTERFACE : Kind.CLASS;
    }
    return Kind.ANNOTATION;
  }

  private void stubType(TypeDeclaration<?> type, String owner) {
    Kind kind = kindOf(type);
    if (kind == Kind.ANNOTATION) {
      return;
    }
    if (type instanceof EnumDeclaration enumeration) {
      for (EnumConstantDeclaration constant : enumeration.getEntries()) {
        stubMembers(constant.getClassBody(), owner + "." + constant.getNameAsString(), Kind.CLASS);
      }
    }
    // Keep what the kept code still names; drop the rest. JavaParser's nodes compare by content,
    // so the candidates are held by identity.
    Set<BodyDeclaration<?>> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
    dropped.addAll(stubMembers(type.getMembers(), owner, kind));
    Set<String> used = new HashSet<>();
    for (Node child : type.getChildNodes()) {
      if (!(child instanceof BodyDeclaration<?> member && dropped.contains(member))) {
        used.addAll(referencesIn(child));
      }
    }
    // A sealed type without a permits clause needs its subtypes of the same file, private or not.
    Set<String> sealed = new HashSet<>();
    type.findCompilationUnit()
        .ifPresent(
            unit ->
                unit.findAll(ClassOrInterfaceDeclaration.class).stream()
                    .filter(d -> d.hasModifier(Modifier.Keyword.SEALED))
                    .forEach(d -> sealed.add(d.getNameAsString())));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (BodyDeclaration<?> candidate : List.copyOf(dropped)) {
        if (declaredNames(candidate).stream().anyMatch(used::contains)
            || subtypesSealed(candidate, sealed)) {
          dropped.remove(candidate);
          used.addAll(referencesIn(candidate));
          changed = true;
        }
      }
    }
    dropped.forEach(Node::remove);
  }

  /** Stubs the members in place; returns those to drop unless something kept names them. */
  private List<BodyDeclaration<?>> stubMembers(
      NodeList<BodyDeclaration<?>> members, String owner, Kind kind) {
    List<BodyDeclaration<?>> candidates = new ArrayList<>();
    List<BodyDeclaration<?>> removeNow = new ArrayList<>();
    boolean blankStaticFinal = hasBlankStaticFinal(members);
    for (BodyDeclaration<?> member : members) {
      if (member instanceof TypeDeclaration<?> nested) {
        stubType(nested, owner + "." + nested.getNameAsString());
        if (nested.isPrivate()) {
          candidates.add(member);
        }
      } else if (member instanceof MethodDeclaration method) {
        if (method.getBody().isPresent()) {
          method.setBody(todo(owner + "." + method.getNameAsString()));
        }
        if (method.isPrivate()) {
          candidates.add(member);
        }
      } else if (member instanceof ConstructorDeclaration constructor) {
        if (kind != Kind.ENUM
            && !constructor.getBody().isEmpty()
            && !passesParametersOn(constructor)) {
          constructor.setBody(constructorStub(constructor.getBody(), owner));
        }
      } else if (member instanceof CompactConstructorDeclaration compact) {
        // A record is data the tests build their inputs from: its checks are the learner's, but it
        // stays constructible.
        BlockStmt body = new BlockStmt();
        body.addOrphanComment(
            new LineComment(
                " " + TODO + "check (and normalize) the components, as the Javadoc says"));
        compact.setBody(body);
      } else if (member instanceof FieldDeclaration field) {
        if (kind != Kind.ENUM && field.isPrivate()) {
          candidates.add(member);
        }
      } else if (member instanceof InitializerDeclaration initializer) {
        if (kind != Kind.ENUM && !(initializer.isStatic() && blankStaticFinal)) {
          removeNow.add(member);
        }
      }
    }
    removeNow.forEach(Node::remove);
    return candidates;
  }

  private static boolean hasBlankStaticFinal(NodeList<BodyDeclaration<?>> members) {
    return members.stream()
        .filter(FieldDeclaration.class::isInstance)
        .map(FieldDeclaration.class::cast)
        .filter(field -> field.isStatic() && field.isFinal())
        .anyMatch(
            field -> field.getVariables().stream().anyMatch(v -> v.getInitializer().isEmpty()));
  }

  /**
   * A constructor whose body only hands its parameters (or literals) to this(...) or super(...).
   */
  private static boolean passesParametersOn(ConstructorDeclaration constructor) {
    NodeList<Statement> statements = constructor.getBody().getStatements();
    if (statements.size() != 1
        || !(statements.get(0) instanceof ExplicitConstructorInvocationStmt call)) {
      return false;
    }
    Set<String> parameters =
        constructor.getParameters().stream()
            .map(Parameter::getNameAsString)
            .collect(Collectors.toSet());
    for (Expression argument : call.getArguments()) {
      boolean parameter =
          argument instanceof NameExpr name && parameters.contains(name.getNameAsString());
      if (!parameter && !(argument instanceof LiteralExpr)) {
        return false;
      }
    }
    return true;
  }

  private static BlockStmt constructorStub(BlockStmt body, String owner) {
    BlockStmt stub = todo(owner + " constructor");
    if (!body.getStatements().isEmpty()
        && body.getStatements().get(0) instanceof ExplicitConstructorInvocationStmt call) {
      stub.getStatements().addFirst(call.clone());
    }
    return stub;
  }

  private static BlockStmt todo(String what) {
    ObjectCreationExpr exception =
        new ObjectCreationExpr(
            null,
            new ClassOrInterfaceType(null, "UnsupportedOperationException"),
            NodeList.nodeList(new StringLiteralExpr(TODO + what)));
    return new BlockStmt(NodeList.nodeList(new ThrowStmt(exception)));
  }

  private static boolean subtypesSealed(BodyDeclaration<?> member, Set<String> sealed) {
    List<ClassOrInterfaceType> supers = new ArrayList<>();
    if (member instanceof ClassOrInterfaceDeclaration declaration) {
      supers.addAll(declaration.getExtendedTypes());
      supers.addAll(declaration.getImplementedTypes());
    } else if (member instanceof RecordDeclaration record) {
      supers.addAll(record.getImplementedTypes());
    } else if (member instanceof EnumDeclaration enumeration) {
      supers.addAll(enumeration.getImplementedTypes());
    }
    return supers.stream().anyMatch(s -> sealed.contains(s.getNameAsString()));
  }

  private static Set<String> declaredNames(BodyDeclaration<?> member) {
    if (member instanceof MethodDeclaration method) {
      return Set.of(method.getNameAsString());
    }
    if (member instanceof FieldDeclaration field) {
      return field.getVariables().stream()
          .map(VariableDeclarator::getNameAsString)
          .collect(Collectors.toSet());
    }
    if (member instanceof TypeDeclaration<?> type) {
      return Set.of(type.getNameAsString());
    }
    return Set.of();
  }

  private static String blockCommentText(String header) {
    StringBuilder text = new StringBuilder("\n");
    for (String line : header.split("\n", -1)) {
      text.append(" * ").append(line).append('\n');
    }
    return text.append(' ').toString();
  }
}
