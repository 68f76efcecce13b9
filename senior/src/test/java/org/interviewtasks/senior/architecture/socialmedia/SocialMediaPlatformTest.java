package org.interviewtasks.senior.architecture.socialmedia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.parsers.DocumentBuilderFactory;
import org.interviewtasks.senior.architecture.socialmedia.SocialMediaPlatform.ServiceKind;
import org.interviewtasks.senior.infra.AmqpBroker;
import org.interviewtasks.senior.infra.AmqpEndpoint;
import org.interviewtasks.senior.infra.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SocialMediaPlatformTest {

  static final Path DEPLOY = Path.of("src", "main", "deploy", "socialmedia");

  private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : closeables.reversed()) {
      closeable.close();
    }
    http.close();
  }

  private <T extends AutoCloseable> T track(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  static ServiceConfig config(AmqpEndpoint broker) {
    return new ServiceConfig(
        broker.endpoint().host(),
        broker.endpoint().port(),
        broker.virtualHost(),
        broker.username(),
        broker.password(),
        FreePorts.LOOPBACK,
        0);
  }

  HttpResponse<String> get(PlatformService service, String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + pathAndQuery))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(int port, String pathAndQuery, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Nested
  class Contract {

    @Test
    void configComesFromTheEnvironmentAndNamesWhatIsWrong() {
      Map<String, String> env =
          Map.of("AMQP_HOST", "rabbitmq", "AMQP_USER", "u", "AMQP_PASSWORD", "secret");
      ServiceConfig config = ServiceConfig.fromEnvironment(env);
      assertThat(config)
          .isEqualTo(new ServiceConfig("rabbitmq", 5672, "/", "u", "secret", "0.0.0.0", 8080));
      assertThat(config.toString()).doesNotContain("secret").contains("rabbitmq:5672");
      assertThatThrownBy(() -> ServiceConfig.fromEnvironment(Map.of()))
          .hasMessageContaining("AMQP_HOST is not set");
      Map<String, String> badPort = new HashMap<>(env);
      badPort.put("AMQP_PORT", "five");
      assertThatThrownBy(() -> ServiceConfig.fromEnvironment(badPort))
          .hasMessageContaining("AMQP_PORT is not a port number: \"five\"");
      badPort.put("AMQP_PORT", "70000");
      assertThatThrownBy(() -> ServiceConfig.fromEnvironment(badPort))
          .hasMessageContaining("AMQP_PORT must be 1..65535: 70000");
      assertThatThrownBy(() -> config.withHttp("h", -1))
          .hasMessageContaining("HTTP_PORT must be 0..65535: -1");
      assertThatThrownBy(() -> config.withHttp(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void eventsCheckTheirFields() throws IOException {
      assertThatThrownBy(() -> new Events.UserFollowed("a", "a"))
          .hasMessageContaining("cannot follow themself: a");
      assertThatThrownBy(() -> new Events.UserFollowed(" ", "a"))
          .hasMessageContaining("follower must be 1..64");
      assertThatThrownBy(() -> new Events.UserFollowed("a\u0007", "b"))
          .hasMessageContaining("control characters");
      assertThatThrownBy(() -> new Events.PostCreated("id", "a", " "))
          .hasMessageContaining("text must be 1..5000");
      assertThatThrownBy(() -> new Events.PostCreated("id", "a", "x".repeat(5001)))
          .hasMessageContaining(": 5001");
      assertThatThrownBy(() -> new Events.PostCreated(" ", "a", "x"))
          .hasMessageContaining("postId is blank");
      Events.PostCreated post = new Events.PostCreated("id", "zoë", "héllo 🌍");
      assertThat(Events.read(Events.write(post), Events.PostCreated.class)).isEqualTo(post);
    }

    @Test
    void anUnreachableBrokerFailsTheStartNamingIt() throws Exception {
      int port = FreePorts.free();
      ServiceConfig nowhere = new ServiceConfig("127.0.0.1", port, "/", "u", "p", "127.0.0.1", 0);
      PostsService posts = new PostsService(nowhere);
      assertThatThrownBy(posts::start)
          .isInstanceOf(BrokerUnreachableException.class)
          .hasMessageContaining("127.0.0.1:" + port);
      assertThat(posts.isReady()).isFalse();
      assertThatThrownBy(posts::start).hasMessageContaining("CLOSED");
      assertThatThrownBy(() -> posts.post("a", "text")).hasMessageContaining("closed");
      assertThatThrownBy(posts::httpPort).hasMessageContaining("not serving");
      posts.close();
      UsersService users = new UsersService(nowhere);
      assertThatThrownBy(() -> users.follow("a", "b")).hasMessageContaining("not connected");
      assertThatThrownBy(() -> new TimelineService(nowhere, null, k -> {}))
          .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theTimelineStoreAppliesAPostOnce() {
      TimelineStore store = new TimelineStore();
      store.follow(new Events.UserFollowed("f1", "author"));
      store.follow(new Events.UserFollowed("f1", "author"));
      store.follow(new Events.UserFollowed("f2", "author"));
      Events.PostCreated first = new Events.PostCreated("p1", "author", "one");
      Events.PostCreated second = new Events.PostCreated("p2", "author", "two");
      assertThat(store.apply(first)).isTrue();
      assertThat(store.apply(first)).isFalse();
      assertThat(store.apply(second)).isTrue();
      assertThat(store.followers("author")).containsExactly("f1", "f2");
      assertThat(store.timeline("f1")).containsExactly(second, first);
      assertThat(store.timeline("author")).containsExactly(second, first);
      assertThat(store.timeline("nobody")).isEmpty();
      assertThat(store.appliedPosts()).isEqualTo(2);
    }
  }

  @Nested
  @AmqpBroker
  class OnBroker {

    private UsersService users;
    private PostsService posts;

    private void startUsersAndPosts(AmqpEndpoint broker) {
      users = track(new UsersService(config(broker)));
      users.start();
      posts = track(new PostsService(config(broker)));
      posts.start();
    }

    private TimelineService timeline(
        AmqpEndpoint broker, TimelineStore store, TimelineService.BeforeAck hook) {
      TimelineService service = track(new TimelineService(config(broker), store, hook));
      service.start();
      return service;
    }

    private String user(String name) {
      return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<String> followers(String author, int n) throws Exception {
      List<String> followers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String follower = user("zoë" + i);
        HttpResponse<String> answer =
            post(
                users.httpPort(), "/follow?follower=" + q(follower) + "&followee=" + q(author), "");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        followers.add(follower);
      }
      return followers;
    }

    @Test
    void aPostReachesEveryFollowersTimeline(AmqpEndpoint broker) throws Exception {
      startUsersAndPosts(broker);
      TimelineService timeline = timeline(broker, new TimelineStore(), k -> {});
      String author = user("author");
      List<String> followers = followers(author, 5);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> timeline.store().followers(author).size() == 5);
      assertThat(users.following(followers.getFirst())).containsExactly(author);
      assertThat(get(users, "/following?user=" + q(followers.getFirst())).body())
          .isEqualTo("[\"" + author + "\"]");
      HttpResponse<String> accepted =
          post(posts.httpPort(), "/posts?author=" + q(author), "héllo 🌍, wörld");
      assertThat(accepted.statusCode()).isEqualTo(202);
      String postId = new ObjectMapper().readTree(accepted.body()).get("postId").asText();
      assertThat(get(posts, "/posts?id=" + postId).body()).contains("héllo 🌍, wörld");
      List<String> everyone = new ArrayList<>(followers);
      everyone.add(author);
      for (String reader : everyone) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> get(timeline, "/timeline?user=" + q(reader)).body().contains(postId));
        assertThat(timeline.store().timeline(reader))
            .containsExactly(new Events.PostCreated(postId, author, "héllo 🌍, wörld"));
      }
      assertThat(timeline.store().timeline(user("stranger"))).isEmpty();
      for (PlatformService service : List.of(users, posts, timeline)) {
        assertThat(get(service, SocialMediaPlatform.LIVENESS_PATH).statusCode()).isEqualTo(200);
        assertThat(get(service, SocialMediaPlatform.READINESS_PATH).statusCode()).isEqualTo(200);
      }
      assertThat(post(posts.httpPort(), "/posts?author=" + q(author), " ").statusCode())
          .isEqualTo(400);
      assertThat(post(users.httpPort(), "/follow?follower=a&followee=a", "").statusCode())
          .isEqualTo(400);
      assertThat(get(users, "/follow").statusCode()).isEqualTo(405);
      assertThat(get(posts, "/posts?id=nope").statusCode()).isEqualTo(404);
      await().atMost(Duration.ofSeconds(10)).until(() -> posts.pending() == 0);
    }

    @Test
    void aStoppedTimelineCatchesUpWithNothingLostAndNothingAppliedTwice(AmqpEndpoint broker)
        throws Exception {
      startUsersAndPosts(broker);
      TimelineStore store = new TimelineStore();
      CountDownLatch applied = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicBoolean holdFirstPost = new AtomicBoolean(true);
      TimelineService first =
          timeline(
              broker,
              store,
              key -> {
                if (key.equals(SocialMediaPlatform.POST_CREATED)
                    && holdFirstPost.compareAndSet(true, false)) {
                  applied.countDown();
                  release.await();
                }
              });
      String author = user("author");
      List<String> followers = followers(author, 3);
      await().atMost(Duration.ofSeconds(30)).until(() -> store.followers(author).size() == 3);
      List<String> ids = new ArrayList<>();
      ids.add(posts.post(author, "before the crash").postId());
      assertThat(applied.await(30, TimeUnit.SECONDS)).isTrue();
      first.kill(); // applied, not acknowledged: the broker must deliver it again
      release.countDown();
      for (int i = 0; i < 20; i++) {
        ids.add(posts.post(author, "while down №" + i).postId());
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> posts.pending() == 0);
      assertThat(store.appliedPosts()).isEqualTo(1);
      TimelineService second = timeline(broker, store, k -> {});
      for (String reader : followers) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> store.timeline(reader).size() == ids.size());
        assertThat(store.timeline(reader).reversed())
            .extracting(Events.PostCreated::postId)
            .containsExactlyElementsOf(ids);
      }
      assertThat(second.stats().duplicates()).as("the unacknowledged post came again").isOne();
      assertThat(second.stats().applied()).isEqualTo(ids.size() - 1);
    }

    @Test
    void theBrokerStoppedAndStartedLosesNoAcceptedPost(AmqpEndpoint broker) throws Exception {
      startUsersAndPosts(broker);
      TimelineService timeline = timeline(broker, new TimelineStore(), k -> {});
      String author = user("author");
      String follower = followers(author, 1).getFirst();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> timeline.store().followers(author).size() == 1);
      String before = posts.post(author, "before").postId();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> timeline.store().timeline(follower).size() == 1);
      broker.stop();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !posts.isReady() && !timeline.isReady() && !users.isReady());
      assertThat(get(timeline, SocialMediaPlatform.READINESS_PATH).statusCode()).isEqualTo(503);
      assertThat(get(timeline, SocialMediaPlatform.LIVENESS_PATH).statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> users.follow(user("late"), author))
          .hasMessageContaining("not connected to " + config(broker).broker());
      List<String> during = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        during.add(posts.post(author, "during the outage " + i).postId());
      }
      assertThat(posts.pending()).isEqualTo(5);
      broker.start();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> posts.isReady() && timeline.isReady() && users.isReady());
      await().atMost(Duration.ofSeconds(60)).until(() -> posts.pending() == 0);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> timeline.store().timeline(follower).size() == 6);
      List<String> expected = new ArrayList<>(List.of(before));
      expected.addAll(during);
      assertThat(timeline.store().timeline(follower).reversed())
          .extracting(Events.PostCreated::postId)
          .containsExactlyElementsOf(expected);
    }

    @Test
    void unreadableMessagesAreDeadLetteredWithTheirReason(AmqpEndpoint broker) throws Exception {
      TimelineService timeline = timeline(broker, new TimelineStore(), k -> {});
      String marker = UUID.randomUUID().toString();
      try (Connection connection = broker.connectionFactory().newConnection();
          Channel channel = connection.createChannel()) {
        channel.confirmSelect();
        publish(channel, SocialMediaPlatform.POST_CREATED, "{not json " + marker);
        publish(
            channel,
            SocialMediaPlatform.POST_CREATED,
            "{\"postId\":\"" + marker + "\",\"author\":\"a\",\"text\":\" \"}");
        publish(channel, "post.deleted", "{\"postId\":\"" + marker + "\"}");
        publish(
            channel,
            SocialMediaPlatform.POST_CREATED,
            "{\"postId\":\"" + marker + "\",\"author\":\"a\",\"text\":\"fine\"}");
        channel.waitForConfirmsOrDie(10_000);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> timeline.store().timeline("a").size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline.stats().deadLettered() == 3);
        Map<String, String> reasons = new HashMap<>();
        GetResponse got;
        while ((got = channel.basicGet(SocialMediaPlatform.DEAD_LETTER_QUEUE, true)) != null) {
          String body = new String(got.getBody(), StandardCharsets.UTF_8);
          if (body.contains(marker)) {
            reasons.put(
                got.getProps().getHeaders().get(SocialMediaPlatform.ORIGINAL_KEY_HEADER)
                    + " "
                    + body,
                String.valueOf(got.getProps().getHeaders().get(SocialMediaPlatform.REASON_HEADER)));
          }
        }
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get("post.created {not json " + marker))
            .contains("Unexpected character");
        assertThat(reasons.entrySet())
            .anySatisfy(
                e -> {
                  assertThat(e.getKey()).contains("\"text\":\" \"");
                  assertThat(e.getValue()).contains("bad PostCreated").contains("text must be");
                });
        assertThat(reasons.get("post.deleted {\"postId\":\"" + marker + "\"}"))
            .isEqualTo("no event has routing key post.deleted");
      }
    }

    private static void publish(Channel channel, String key, String body) throws IOException {
      channel.basicPublish(
          SocialMediaPlatform.EXCHANGE,
          key,
          MessageProperties.PERSISTENT_BASIC,
          body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theTimelineServiceRunsAsItsOwnProcessConfiguredLikeItsManifest(AmqpEndpoint broker)
        throws Exception {
      startUsersAndPosts(broker);
      Map<String, String> env = new HashMap<>(Manifests.load().configMap().getData());
      int port = FreePorts.free();
      env.put(ServiceConfig.AMQP_HOST, broker.endpoint().host());
      env.put(ServiceConfig.AMQP_PORT, Integer.toString(broker.endpoint().port()));
      env.put(ServiceConfig.AMQP_VHOST, broker.virtualHost());
      env.put(ServiceConfig.AMQP_USER, broker.username());
      env.put(ServiceConfig.AMQP_PASSWORD, broker.password());
      env.put(ServiceConfig.HTTP_HOST, FreePorts.LOOPBACK);
      env.put(ServiceConfig.HTTP_PORT, Integer.toString(port));
      assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(ServiceConfig.ENVIRONMENT);
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx128m",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  ServiceKind.TIMELINE.mainClass().getName())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().putAll(env);
      Process child = builder.start();
      try {
        URI base = URI.create("http://127.0.0.1:" + port);
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(
                () ->
                    http.send(
                                HttpRequest.newBuilder(
                                        base.resolve(SocialMediaPlatform.READINESS_PATH))
                                    .build(),
                                HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                        == 200);
        String author = user("author");
        String follower = followers(author, 1).getFirst();
        // The follow reaches the child before the post: they share its queue, in order.
        String postId = posts.post(author, "from another process ✓").postId();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    http.send(
                            HttpRequest.newBuilder(base.resolve("/timeline?user=" + q(follower)))
                                .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                        .body()
                        .contains(postId));
      } finally {
        child.destroy(); // SIGTERM: the shutdown hook closes the service
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
          child.destroyForcibly().waitFor();
        }
      }
      assertThat(child.exitValue()).isIn(0, 143);
    }
  }

  /** The checked-in manifests, read into fabric8's typed model. */
  record Manifests(
      List<Deployment> deployments,
      List<Service> services,
      List<ConfigMap> configMaps,
      List<Secret> secrets) {

    static Manifests load() throws IOException {
      ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
      Manifests m =
          new Manifests(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      try (var files = Files.list(DEPLOY.resolve("k8s"))) {
        for (Path file : files.sorted().toList()) {
          try (var parser = yaml.createParser(file.toFile())) {
            for (JsonNode doc : (Iterable<JsonNode>) () -> readAll(yaml, parser)) {
              switch (doc.path("kind").asText()) {
                case "Deployment" -> m.deployments().add(yaml.treeToValue(doc, Deployment.class));
                case "Service" -> m.services().add(yaml.treeToValue(doc, Service.class));
                case "ConfigMap" -> m.configMaps().add(yaml.treeToValue(doc, ConfigMap.class));
                case "Secret" -> m.secrets().add(yaml.treeToValue(doc, Secret.class));
                default -> throw new AssertionError("unexpected kind in " + file + ": " + doc);
              }
            }
          }
        }
      }
      return m;
    }

    private static java.util.Iterator<JsonNode> readAll(
        ObjectMapper yaml, com.fasterxml.jackson.core.JsonParser parser) {
      try {
        return yaml.readValues(parser, JsonNode.class);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    ConfigMap configMap() {
      assertThat(configMaps).hasSize(1);
      return configMaps.getFirst();
    }

    Deployment deployment(String name) {
      return deployments.stream()
          .filter(d -> d.getMetadata().getName().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    Service service(String name) {
      return services.stream()
          .filter(s -> s.getMetadata().getName().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no Service " + name));
    }
  }

  @Nested
  class Deployment_ {

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void theManifestsAgreeWithTheCode(ServiceKind kind) throws Exception {
      Manifests manifests = Manifests.load();
      Deployment deployment = manifests.deployment(kind.deploymentName());
      Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
      assertThat(podLabels)
          .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
      assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
      Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
      assertThat(container.getName()).isEqualTo(kind.deploymentName());
      assertThat(container.getImage()).isEqualTo(kind.image() + ":1.0.0");
      assertThat(container.getPorts()).hasSize(1);
      assertThat(container.getPorts().getFirst().getName()).isEqualTo("http");
      assertThat(container.getPorts().getFirst().getContainerPort())
          .isEqualTo(ServiceConfig.DEFAULT_HTTP_PORT);
      checkProbe(container.getReadinessProbe(), SocialMediaPlatform.READINESS_PATH);
      checkProbe(container.getLivenessProbe(), SocialMediaPlatform.LIVENESS_PATH);

      // Every variable the code reads is given, and nothing else.
      Map<String, String> env = new HashMap<>();
      for (EnvFromSource from : container.getEnvFrom()) {
        String name = from.getConfigMapRef().getName();
        ConfigMap map =
            manifests.configMaps().stream()
                .filter(c -> c.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
        env.putAll(map.getData());
      }
      for (EnvVar variable : container.getEnv()) {
        var ref = variable.getValueFrom().getSecretKeyRef();
        Secret secret =
            manifests.secrets().stream()
                .filter(s -> s.getMetadata().getName().equals(ref.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Secret " + ref.getName()));
        assertThat(secret.getStringData()).containsKey(ref.getKey());
        assertThat(env.put(variable.getName(), secret.getStringData().get(ref.getKey()))).isNull();
      }
      assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(ServiceConfig.ENVIRONMENT);
      ServiceConfig config = ServiceConfig.fromEnvironment(env);
      assertThat(config.httpPort()).isEqualTo(ServiceConfig.DEFAULT_HTTP_PORT);

      // The broker the config names is a Service of the manifests, on the configured port.
      Service rabbit = manifests.service(config.amqpHost());
      assertThat(rabbit.getSpec().getPorts())
          .extracting(ServicePort::getPort)
          .contains(config.amqpPort());

      Service service = manifests.service(kind.deploymentName());
      assertThat(service.getSpec().getSelector())
          .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
      assertThat(service.getSpec().getPorts().getFirst().getTargetPort().getStrVal())
          .isEqualTo("http");
    }

    private void checkProbe(Probe probe, String path) {
      assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
      assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @ParameterizedTest
    @EnumSource(ServiceKind.class)
    void theDockerfilesRunTheServicesMainOnItsPort(ServiceKind kind) throws Exception {
      List<String> lines =
          Files.readAllLines(
              DEPLOY.resolve(kind.id()).resolve("Dockerfile"), StandardCharsets.UTF_8);
      assertThat(lines).contains("EXPOSE " + ServiceConfig.DEFAULT_HTTP_PORT);
      assertThat(lines).contains("ENV HTTP_PORT=" + ServiceConfig.DEFAULT_HTTP_PORT);
      String entrypoint =
          lines.stream().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
      JsonNode command = new ObjectMapper().readTree(entrypoint.substring("ENTRYPOINT ".length()));
      assertThat(command.get(0).asText()).isEqualTo("java");
      assertThat(command.get(command.size() - 1).asText()).isEqualTo(kind.mainClass().getName());
      assertThat(lines.getFirst()).startsWith("# The " + kind.id() + " service");
      assertThat(lines).anyMatch(l -> l.contains("-t " + kind.image() + ":1.0.0"));
      Method main = kind.mainClass().getMethod("main", String[].class);
      assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
    }

    @Test
    void theJibProfileBuildsOneImagePerServiceAsTheManifestsNameIt() throws Exception {
      var document =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(Path.of("pom.xml").toFile());
      NodeList profiles = document.getElementsByTagName("profile");
      Element jib = null;
      for (int i = 0; i < profiles.getLength(); i++) {
        Element profile = (Element) profiles.item(i);
        if (text(profile, "id").equals("social-images")) {
          jib = profile;
        }
      }
      assertThat(jib).as("profile social-images").isNotNull();
      assertThat(text(jib, "port")).isEqualTo(Integer.toString(ServiceConfig.DEFAULT_HTTP_PORT));
      NodeList executions = jib.getElementsByTagName("execution");
      Set<String> seen = new HashSet<>();
      Manifests manifests = Manifests.load();
      for (int i = 0; i < executions.getLength(); i++) {
        Element execution = (Element) executions.item(i);
        ServiceKind kind =
            ServiceKind.valueOf(
                text(execution, "id")
                    .substring("social-".length())
                    .toUpperCase(java.util.Locale.ROOT));
        assertThat(text(execution, "goal")).isEqualTo("buildTar");
        assertThat(text(execution, "mainClass")).isEqualTo(kind.mainClass().getName());
        assertThat(text(execution, "image"))
            .isEqualTo(
                manifests
                    .deployment(kind.deploymentName())
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .getFirst()
                    .getImage());
        seen.add(kind.id());
      }
      assertThat(seen).containsExactlyInAnyOrder("users", "posts", "timeline");
    }

    private static String text(Element parent, String tag) {
      return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
    }
  }
}
