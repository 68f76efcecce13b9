package org.interviewtasks.senior.operations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecurityModuleTest {

  static final HexFormat HEX = HexFormat.of();
  static final KeyDerivation.Argon2Cost CHEAP = new KeyDerivation.Argon2Cost(1, 64, 1);

  final SecureRandom random = new SecureRandom();
  SecretKey k1;
  SecretKey k2;
  KeyRing ring;
  SecurityModule security;
  String url;
  EncryptedUserStore store;

  @BeforeEach
  void open() throws SQLException {
    k1 = SecurityModule.randomKey(random);
    k2 = SecurityModule.randomKey(random);
    ring = new KeyRing("k1", k1);
    security = new SecurityModule(ring, random);
    url = "jdbc:h2:mem:users-" + UUID.randomUUID();
    store = new EncryptedUserStore(security, url);
  }

  @AfterEach
  void close() throws SQLException {
    store.close();
  }

  record Vector(String name, String key, String iv, String aad, String pt, String ct, String tag) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Vector> nistVectors() throws IOException {
    List<Vector> vectors = new ArrayList<>();
    try (InputStream in = SecurityModuleTest.class.getResourceAsStream("aes256-gcm-kat.txt");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\|", -1);
        vectors.add(new Vector(f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
      }
    }
    assertThat(vectors).hasSize(4);
    return vectors.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nistVectors")
  void aesGcmMatchesTheNistKnownAnswers(Vector v) {
    SecretKey key = new SecretKeySpec(HEX.parseHex(v.key()), "AES");
    byte[] sealed =
        AesGcm.encrypt(key, HEX.parseHex(v.iv()), HEX.parseHex(v.pt()), HEX.parseHex(v.aad()));
    assertThat(HEX.formatHex(sealed)).isEqualTo(v.ct() + v.tag());
    byte[] message = HEX.parseHex(v.iv() + v.ct() + v.tag());
    assertThat(HEX.formatHex(AesGcm.open(key, message, HEX.parseHex(v.aad()), "kat")))
        .isEqualTo(v.pt());
  }

  @Test
  void hkdfMatchesRfc5869TestCase1() {
    byte[] okm =
        KeyDerivation.hkdf(
            HEX.parseHex("0b".repeat(22)),
            HEX.parseHex("000102030405060708090a0b0c"),
            HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"),
            42);
    assertThat(HEX.formatHex(okm))
        .isEqualTo(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void argon2idIsDeterministicAndSeparatesSaltsPasswordsAndKeyIds() {
    byte[] salt = new byte[16];
    SecretKey a = SecurityModule.deriveKek("correct horse 🐴".toCharArray(), salt, CHEAP, "k1");
    SecretKey again = SecurityModule.deriveKek("correct horse 🐴".toCharArray(), salt, CHEAP, "k1");
    assertThat(a.getEncoded()).isEqualTo(again.getEncoded()).hasSize(32);
    byte[] otherSalt = new byte[16];
    otherSalt[0] = 1;
    assertThat(
            SecurityModule.deriveKek("correct horse 🐴".toCharArray(), otherSalt, CHEAP, "k1")
                .getEncoded())
        .isNotEqualTo(a.getEncoded());
    assertThat(
            SecurityModule.deriveKek("correct horse 🐎".toCharArray(), salt, CHEAP, "k1")
                .getEncoded())
        .isNotEqualTo(a.getEncoded());
    assertThat(
            SecurityModule.deriveKek("correct horse 🐴".toCharArray(), salt, CHEAP, "k2")
                .getEncoded())
        .isNotEqualTo(a.getEncoded());
    assertThatThrownBy(() -> KeyDerivation.argon2id(new char[0], salt, CHEAP))
        .hasMessageContaining("password");
    assertThatThrownBy(() -> KeyDerivation.argon2id("p".toCharArray(), new byte[15], CHEAP))
        .hasMessageContaining("salt");
    assertThatThrownBy(() -> new KeyDerivation.Argon2Cost(0, 64, 1))
        .hasMessageContaining("iterations");
    assertThatThrownBy(() -> new KeyDerivation.Argon2Cost(1, 7, 1))
        .hasMessageContaining("memoryKiB");
    assertThatThrownBy(() -> new KeyDerivation.Argon2Cost(1, 64, 0))
        .hasMessageContaining("parallelism");
    assertThatThrownBy(() -> KeyDerivation.hkdf(a, "")).hasMessageContaining("info");
  }

  @Test
  void everyEncryptionUsesAFreshNonce() {
    byte[] first = AesGcm.seal(k1, new byte[10], new byte[0], random);
    byte[] second = AesGcm.seal(k1, new byte[10], new byte[0], random);
    assertThat(first).hasSize(10 + AesGcm.OVERHEAD);
    assertThat(java.util.Arrays.copyOf(first, 12))
        .isNotEqualTo(java.util.Arrays.copyOf(second, 12));
    assertThatThrownBy(() -> AesGcm.open(k1, new byte[27], new byte[0], "short"))
        .isInstanceOf(DecryptionException.class);
    assertThatThrownBy(
            () ->
                AesGcm.seal(
                    new SecretKeySpec(new byte[16], "AES"), new byte[1], new byte[0], random))
        .hasMessageContaining("256-bit");
  }

  static User user(long id) {
    return new User(id, "user" + id, "user" + id + "@example.com", "NI-" + (1000 + id));
  }

  record User(long id, String username, String email, String nationalId) {}

  static EncryptedUserStore.User real(User u) {
    return new EncryptedUserStore.User(u.id(), u.username(), u.email(), u.nationalId());
  }

  @Test
  void unicodeValuesRoundTripAndAreNotStoredInClear() throws Exception {
    var alice = new EncryptedUserStore.User(1, "alice", "ålice@exämple.com", "ÑI-東京-🚀");
    store.insert(alice);
    assertThat(store.find(1)).hasValue(alice);
    assertThat(store.find(2)).isEmpty();
    byte[] stored = column(1, "email");
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("xämple", "lice");
    assertThat(stored)
        .hasSize(alice.email().getBytes(StandardCharsets.UTF_8).length + AesGcm.OVERHEAD);
    assertThatThrownBy(() -> store.insert(alice)).isInstanceOf(SQLException.class);
  }

  static Stream<String> storedColumns() {
    return Stream.of("email", "national_id", "data_key", "key_id");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storedColumns")
  void flippingAnyByteOfAStoredValueIsDetected(String column) throws Exception {
    store.insert(real(user(7)));
    byte[] original =
        column.equals("key_id") ? keyId(7).getBytes(StandardCharsets.UTF_8) : column(7, column);
    for (int i = 0; i < original.length; i++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] flipped = original.clone();
        flipped[i] ^= (byte) bit;
        write(7, column, flipped);
        assertThatThrownBy(() -> store.find(7))
            .as("%s byte %d bit %x", column, i, bit)
            .isInstanceOf(DecryptionException.class)
            .hasMessageContaining("users/7");
      }
    }
    write(7, column, original);
    assertThat(store.find(7)).hasValue(real(user(7)));
  }

  @Test
  void aValueMovedToAnotherRowOrColumnIsRejected() throws Exception {
    store.insert(real(user(1)));
    store.insert(real(user(2)));
    for (String column : List.of("key_id", "data_key", "email", "national_id")) {
      write(
          2,
          column,
          column.equals("key_id") ? keyId(1).getBytes(StandardCharsets.UTF_8) : column(1, column));
    }
    assertThatThrownBy(() -> store.find(2)).isInstanceOf(DecryptionException.class);
    assertThat(store.find(1)).hasValue(real(user(1)));

    store.insert(real(user(3)));
    write(3, "national_id", column(3, "email"));
    assertThatThrownBy(() -> store.find(3))
        .isInstanceOf(DecryptionException.class)
        .hasMessageContaining("national_id");
  }

  static Stream<Long> seeds() {
    return Seeds.derive(3).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void rotationKeepsEveryRowReadableWhileReadersRun(long seed) throws Exception {
    int rows = 60;
    for (long id = 1; id <= rows; id++) {
      store.insert(real(user(id)));
    }
    AtomicBoolean done = new AtomicBoolean();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch ready = new CountDownLatch(2);
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService readers = Executors.newFixedThreadPool(2)) {
      List<Future<?>> running = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        long start = seed + r;
        running.add(
            readers.submit(
                () -> {
                  java.util.SplittableRandom pick = new java.util.SplittableRandom(start);
                  ready.countDown();
                  try {
                    go.await();
                    while (!done.get()) {
                      long id = 1L + pick.nextInt(rows);
                      if (!store.find(id).orElseThrow().equals(real(user(id)))) {
                        failures.add(new AssertionError("row " + id + " changed"));
                      }
                    }
                  } catch (Throwable e) {
                    failures.add(e);
                  }
                  return null;
                }));
      }
      ready.await();
      go.countDown();
      ring.rotateTo("k2", k2);
      while (store.reencryptStale(7) > 0) {
        assertThat(failures).isEmpty();
      }
      done.set(true);
      for (Future<?> reader : running) {
        reader.get();
      }
    }
    assertThat(failures).isEmpty();
    assertThat(store.rowsUnder("k1")).isZero();
    assertThat(store.rowsUnder("k2")).isEqualTo(rows);
    assertThat(store.reencryptedRows()).isEqualTo(rows);
    ring.retire("k1");
    for (long id = 1; id <= rows; id++) {
      assertThat(store.find(id)).hasValue(real(user(id)));
    }
  }

  @Test
  void oldRowsAreReencryptedLazilyOnRead() throws Exception {
    store.insert(real(user(1)));
    store.insert(real(user(2)));
    ring.rotateTo("k2", k2);
    assertThat(store.rowsUnder("k1")).isEqualTo(2);
    store.find(1);
    assertThat(keyId(1)).isEqualTo("k2");
    assertThat(keyId(2)).isEqualTo("k1");
    store.insert(real(user(3)));
    assertThat(keyId(3)).isEqualTo("k2");
    ring.retire("k1");
    assertThatThrownBy(() -> store.find(2))
        .isInstanceOf(DecryptionException.class)
        .hasMessageContaining("not in the key ring");
  }

  @Test
  void noKeyOrPlaintextInToStringLogsOrMessages() throws Exception {
    String secret = "very-secret-mail@example.com";
    var user = new EncryptedUserStore.User(5, "eve", secret, "NI-SECRET-42");
    List<String> texts = new ArrayList<>();
    StdStreams.Captured captured =
        StdStreams.capture(
            () -> {
              store.insert(user);
              ring.rotateTo("k2", k2);
              store.find(5);
              write(5, "email", new byte[40]);
              try {
                store.find(5);
              } catch (DecryptionException e) {
                texts.add(e.getMessage());
                texts.add(e.toString());
              }
              try {
                ring.retire("nope");
              } catch (IllegalArgumentException e) {
                texts.add(e.getMessage());
              }
            });
    texts.add(captured.out());
    texts.add(captured.err());
    texts.add(user.toString());
    texts.add(ring.toString());
    texts.add(security.toString());
    texts.add(store.toString());
    texts.add(security.newDataKey("users/9").toString());
    texts.add(k1.toString());
    assertThat(captured.err()).contains("rotated");
    List<String> forbidden = new ArrayList<>(List.of(secret, "NI-SECRET-42", "very-secret"));
    for (SecretKey key : List.of(k1, k2)) {
      forbidden.add(HEX.formatHex(key.getEncoded()));
      forbidden.add(Base64.getEncoder().encodeToString(key.getEncoded()));
      forbidden.add(HEX.formatHex(key.getEncoded()).substring(0, 16));
    }
    for (String text : texts) {
      for (String bad : forbidden) {
        assertThat(text.toLowerCase(java.util.Locale.ROOT))
            .doesNotContain(bad.toLowerCase(java.util.Locale.ROOT));
      }
    }
  }

  @Test
  void contracts() throws Exception {
    assertThatThrownBy(() -> new KeyRing("", k1)).hasMessageContaining("key id");
    assertThatThrownBy(() -> new KeyRing("a b", k1)).hasMessageContaining("key id");
    assertThatThrownBy(() -> new KeyRing("k", new SecretKeySpec(new byte[32], "HmacSHA256")))
        .hasMessageContaining("AES");
    assertThatThrownBy(() -> ring.rotateTo("k1", k2)).hasMessageContaining("already");
    assertThatThrownBy(() -> ring.retire("k1")).hasMessageContaining("primary");
    assertThatThrownBy(() -> new EncryptedUserStore.User(0, "u", "e", "n"))
        .hasMessageContaining("id");
    assertThatThrownBy(() -> new EncryptedUserStore.User(1, "u", "", "n"))
        .hasMessageContaining("email");
    assertThatThrownBy(() -> store.reencryptStale(0)).hasMessageContaining("max");
    assertThat(ring.ids()).containsExactly("k1");
    store.close();
    store.close();
    assertThatThrownBy(() -> store.find(1)).isInstanceOf(IllegalStateException.class);
    store = new EncryptedUserStore(security, url);
  }

  private byte[] column(long id, String column) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM users WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getBytes(1);
      }
    }
  }

  private String keyId(long id) throws SQLException {
    return new String(column(id, "key_id"), StandardCharsets.UTF_8);
  }

  private void write(long id, String column, byte[] value) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s =
            c.prepareStatement("UPDATE users SET " + column + " = ? WHERE id = ?")) {
      if (column.equals("key_id")) {
        s.setString(1, new String(value, StandardCharsets.UTF_8));
      } else {
        s.setBytes(1, value);
      }
      s.setLong(2, id);
      s.executeUpdate();
    }
  }
}
