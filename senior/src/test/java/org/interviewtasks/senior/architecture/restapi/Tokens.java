package org.interviewtasks.senior.architecture.restapi;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

/** The issuer side for the tests: an RSA key pair and tokens signed with it. */
final class Tokens {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final String ISSUER = "https://issuer.test";
  static final String AUDIENCE = "products-api";
  static final RSAKey KEY = generate("k1");
  static final RSAKey OTHER_KEY = generate("k1");

  private Tokens() {}

  static JwtAuthenticator authenticator() {
    try {
      return new JwtAuthenticator(
          KEY.toRSAPublicKey(),
          KEY.getKeyID(),
          ISSUER,
          AUDIENCE,
          Clock.fixed(NOW, ZoneOffset.UTC),
          Duration.ofSeconds(30));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims that pass: issuer, audience, valid from a minute ago for five minutes. */
  static JWTClaimsSet.Builder claims(String subject, String scope) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(subject)
        .issueTime(Date.from(NOW.minusSeconds(60)))
        .notBeforeTime(Date.from(NOW.minusSeconds(60)))
        .expirationTime(Date.from(NOW.plusSeconds(300)))
        .claim("scope", scope);
  }

  static String sign(JWTClaimsSet claims) {
    return sign(claims, KEY);
  }

  static String sign(JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String bearer(String subject, String scope) {
    return "Bearer " + sign(claims(subject, scope).build());
  }

  private static RSAKey generate(String id) {
    try {
      return new RSAKeyGenerator(2048).keyID(id).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
