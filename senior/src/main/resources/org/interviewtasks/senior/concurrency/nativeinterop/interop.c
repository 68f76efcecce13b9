/*
 * The small C library of senior.concurrency.7, compiled at test time by
 * NativeInterop.compileOwnLibrary when a C compiler is on the PATH.
 *
 * Compiled with -O3 and with floating-point reassociation allowed (-fassociative-math and the
 * flags it needs, but not -ffast-math, whose start-up code would switch the whole JVM's FPU to
 * flush-to-zero), so that the compiler may split interop_dot's sum over vector registers: the one
 * thing here that a JIT obeying Java's strict evaluation order may not do.
 */
#include <stddef.h>
#include <stdint.h>

/* Does nothing: what a call costs when the callee does no work. */
void interop_noop(void) {}

/* a + b, wrapping on overflow as Java's int does (unsigned arithmetic: signed overflow is
   undefined behaviour in C). */
int32_t interop_add(int32_t a, int32_t b) { return (int32_t) ((uint32_t) a + (uint32_t) b); }

/* The dot product of a[0..n) and b[0..n). */
double interop_dot(const double *a, const double *b, size_t n) {
  double sum = 0.0;
  for (size_t i = 0; i < n; i++) {
    sum += a[i] * b[i];
  }
  return sum;
}

/* The number of code points in a NUL-terminated UTF-8 string: bytes that are not continuation
   bytes (10xxxxxx). */
size_t interop_code_points(const char *s) {
  size_t count = 0;
  for (const unsigned char *p = (const unsigned char *) s; *p != 0; p++) {
    count += (*p & 0xC0) != 0x80;
  }
  return count;
}

/* A constant string owned by the library: the caller reads it and must not free it. */
const char *interop_version(void) { return "interop 1 \xE2\x9C\x93"; }
