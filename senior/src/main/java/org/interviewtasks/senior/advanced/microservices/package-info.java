/**
 * senior.advanced.10: calls between microservices over gRPC and REST, with deadlines, retries, a
 * circuit breaker and a bulkhead. Start at {@link
 * org.interviewtasks.senior.advanced.microservices.MicroservicesFramework}. The messages and stubs
 * in {@code ...microservices.proto} are generated from {@code src/main/protobuf} at build time.
 */
package org.interviewtasks.senior.advanced.microservices;
