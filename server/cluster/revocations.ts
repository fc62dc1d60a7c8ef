import type { LocalRevocations, RevocationHandler, RevocationNotice, Revocations } from '../realtime/revocations'
import type { Cluster } from './cluster'

/**
 * The revocation channel across nodes: a notice ends this node's sockets (the local channel) and goes
 * through Redis to every other node, which hands it to its own local channel. Ids and hashes only.
 */
export class ClusterRevocations implements Revocations {
  constructor(
    private readonly local: LocalRevocations,
    private readonly cluster: Cluster,
  ) {
    cluster.onNotice((n) => {
      if (n.t === 'revoked') void local.publish(n.notice)
    })
  }

  async publish(notice: RevocationNotice): Promise<void> {
    await this.local.publish(notice)
    await this.cluster.publish({ t: 'revoked', notice })
  }

  subscribe(handler: RevocationHandler): () => void {
    return this.local.subscribe(handler)
  }
}
