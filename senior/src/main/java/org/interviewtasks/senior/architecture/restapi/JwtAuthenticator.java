package org.interviewtasks.senior.architecture.restapi;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks bearer tokens: RS256-signed JWTs (RFC 7519) from one issuer, for this API as audience,
 * verified with Nimbus JOSE + JWT.
 *
 * <p>The algorithm is fixed by the server, never taken from the token: the key selector accepts
 * RS256 only, so {@code alg: none} (refused by Nimbus outright) and the old confusion attack (an
 * HS256 token whose HMAC key is the server's public RSA key) fail. Then the claims: {@code iss}
 * must equal the issuer, {@code aud} must contain the audience, {@code exp} is required and {@code
 * nbf} checked when present, both against an injected {@link Clock} with a small leeway for clock
 * skew between issuer and API; {@code sub} names the client (the rate limiter's key) and {@code
 * scope} (space-separated, OAuth 2.0 style) what it may do.
 */
public final class JwtAuthenticator {

  /** The longest token parsed; longer is refused unread. */
  static final int MAX_TOKEN = 8192;

  private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);

  /**
   * Who called, as the token says.
   *
   * @param subject the {@code sub} claim: the client
   * @param scopes the scopes granted
   */
  public record Principal(String subject, Set<String> scopes) {
    /** Copies the scopes. */
    public Principal {
      Objects.requireNonNull(subject, "subject");
      scopes = Set.copyOf(scopes);
    }
  }

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final String issuer;
  private final String audience;
  private final Clock clock;
  private final Duration leeway;

  /**
   * An authenticator for tokens signed by the holder of the private half of {@code key}.
   *
   * @param key the issuer's public key
   * @param keyId the key id the issuer puts in {@code kid} (tokens without {@code kid} are matched
   *     too)
   * @param issuer the expected {@code iss}
   * @param audience this API's identifier, expected in {@code aud}
   * @param clock the time against which {@code exp} and {@code nbf} are checked
   * @param leeway the clock skew tolerated, 0 to 5 minutes
   */
  public JwtAuthenticator(
      RSAPublicKey key,
      String keyId,
      String issuer,
      String audience,
      Clock clock,
      Duration leeway) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(keyId, "keyId");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.audience = Objects.requireNonNull(audience, "audience");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.leeway = Objects.requireNonNull(leeway, "leeway");
    if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("leeway must be in [0, PT5M]: " + leeway);
    }
    RSAKey jwk = new RSAKey.Builder(key).keyID(keyId).build();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(jwk))));
    processor.setJWTClaimsSetVerifier((claims, context) -> verify(claims));
  }

  /**
   * The principal of an {@code Authorization} header's bearer token.
   *
   * @param header the header's value, or null when there is none
   * @throws ApiException 401 if there is no bearer token or it does not hold
   */
  public Principal authenticate(String header) {
    if (header == null) {
      throw ApiException.unauthorized("a bearer token is required");
    }
    if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiException.unauthorized("the Authorization header must be \"Bearer <token>\"");
    }
    String token = header.substring(7).strip();
    if (token.isEmpty() || token.length() > MAX_TOKEN) {
      throw ApiException.unauthorized("the bearer token is empty or longer than " + MAX_TOKEN);
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException e) {
      throw rejected("the bearer token is not a JWT", e);
    } catch (BadJOSEException e) {
      throw rejected("the bearer token was rejected: " + e.getMessage(), e);
    } catch (JOSEException e) {
      throw rejected("the bearer token could not be verified", e);
    }
    Object scope = claims.getClaim("scope");
    Set<String> scopes =
        scope instanceof String text
            ? Arrays.stream(text.split(" ", -1))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet())
            : Set.of();
    return new Principal(claims.getSubject(), scopes);
  }

  private void verify(JWTClaimsSet claims) throws BadJWTException {
    if (!issuer.equals(claims.getIssuer())) {
      throw new BadJWTException("unexpected issuer");
    }
    List<String> audiences = claims.getAudience();
    if (audiences == null || !audiences.contains(audience)) {
      throw new BadJWTException("this API is not an audience of the token");
    }
    Instant now = clock.instant();
    Date expires = claims.getExpirationTime();
    if (expires == null) {
      throw new BadJWTException("the token has no expiry");
    }
    if (!now.isBefore(expires.toInstant().plus(leeway))) {
      throw new BadJWTException("the token has expired");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.plus(leeway).isBefore(notBefore.toInstant())) {
      throw new BadJWTException("the token is not valid yet");
    }
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      throw new BadJWTException("the token has no subject");
    }
  }

  private static ApiException rejected(String detail, Exception cause) {
    LOG.debug("bearer token rejected: {}", cause.getMessage());
    return ApiException.unauthorized(detail);
  }

  @Override
  public String toString() {
    return "JwtAuthenticator[RS256, iss=" + issuer + ", aud=" + audience + "]";
  }
}
