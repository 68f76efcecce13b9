package org.interviewtasks.senior.architecture.validation;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.concurrent.TimeUnit;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.interviewtasks.senior.architecture.validation.Customers.Customer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validations per second of one customer (a record with a nested address, 1 to 6 order lines and
 * tags; the rules of {@link Customers}), ours against Hibernate Validator with the same rules as
 * annotations. 256 seeded customers, about half of them with at least one violation, validated in
 * turn; JMH divides by 256. Both sides build their full list of violations.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DataValidationFrameworkBenchmark {

  static final int CUSTOMERS = 256;

  final Customer[] customers = new Customer[CUSTOMERS];
  ValidatorFactory factory;
  jakarta.validation.Validator hibernate;

  @Setup(Level.Trial)
  public void generate() {
    Customers.Generator generator = new Customers.Generator(8);
    for (int i = 0; i < CUSTOMERS; i++) {
      customers[i] = generator.next();
    }
    factory =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    hibernate = factory.getValidator();
  }

  @TearDown(Level.Trial)
  public void close() {
    factory.close();
  }

  @Benchmark
  @OperationsPerInvocation(CUSTOMERS)
  public int validate_ours() {
    int violations = 0;
    for (Customer customer : customers) {
      violations += Customers.CUSTOMER.validate(customer).size();
    }
    return violations;
  }

  @Benchmark
  @OperationsPerInvocation(CUSTOMERS)
  public int validate_hibernateValidator() {
    int violations = 0;
    for (Customer customer : customers) {
      violations += hibernate.validate(customer).size();
    }
    return violations;
  }
}
