package org.interviewtasks.senior.infra;

import java.util.List;

/** A Redis primary (node 0) and its replicas (nodes 1..n). */
public interface RedisReplicaSet extends RedisNodes {

  /** The primary's endpoint. */
  default Endpoint primary() {
    return endpoint(0);
  }

  /** The replicas' endpoints. */
  default List<Endpoint> replicas() {
    return endpoints().subList(1, size());
  }
}
