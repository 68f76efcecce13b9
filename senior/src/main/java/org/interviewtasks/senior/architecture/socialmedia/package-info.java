/**
 * senior.architecture.5: users, posts and timeline services talking over AMQP (topic exchange,
 * durable queues, publisher confirms, manual acknowledgements, a dead-letter exchange, fan-out on
 * write), with Dockerfiles and Kubernetes manifests; the entry class is {@link
 * org.interviewtasks.senior.architecture.socialmedia.SocialMediaPlatform}.
 */
package org.interviewtasks.senior.architecture.socialmedia;
