// The order in which PyTorch's engine runs a backward pass: a node is ready
// once every consumer that feeds it a gradient has run (dependency counting);
// among ready nodes, AccumulateGrad goes first, then the most recently
// created op (highest sequence number). Used by the step-through replay.
export function backwardOrder(nodes, edges) {
  const pending = new Map(nodes.map((n) => [n.id, 0]));
  for (const e of edges) pending.set(e.to, pending.get(e.to) + 1);
  const priority = new Map(nodes.map((n) => [
    n.id,
    n.node.name === 'AccumulateGrad' ? Infinity : n.seq ?? -n.discovery,
  ]));
  const outgoing = new Map(nodes.map((n) => [n.id, []]));
  for (const e of edges) outgoing.get(e.from).push(e.to);

  const order = [];
  const ready = [nodes[0].id];
  while (ready.length) {
    ready.sort((a, b) => priority.get(a) - priority.get(b));
    const id = ready.pop();
    order.push(id);
    for (const to of outgoing.get(id)) {
      pending.set(to, pending.get(to) - 1);
      if (pending.get(to) === 0) ready.push(to);
    }
  }
  return order;
}
