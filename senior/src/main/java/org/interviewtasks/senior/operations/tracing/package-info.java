/**
 * senior.operations.4: one request traced across three services (HTTP, gRPC, a worker pool) with
 * the OpenTelemetry SDK, W3C trace context and baggage, exported over OTLP. Start at {@link
 * org.interviewtasks.senior.operations.tracing.DistributedTracing}. The gRPC messages and stubs in
 * {@code ...tracing.proto} are generated from {@code src/main/protobuf} at build time.
 */
package org.interviewtasks.senior.operations.tracing;
