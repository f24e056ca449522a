/** The message's slot, or -1 (counted in `omitted`) when the table is full. */
function slotOf(b, r) {
    const from = b.addNode(r.from);
    const to = b.addNode(r.to);
    const index = b.messages.slot(r.id, from, to, b.messages.kindCode(r.msg));
    if (index < 0)
        b.omitted.messages = (b.omitted.messages ?? 0) + 1;
    return index;
}
export function onSend(b, r) {
    b.counts.sends++;
    const index = slotOf(b, r);
    if (index >= 0)
        b.messages.sendUs[index] = r.t;
}
export function onDeliver(b, r) {
    const index = slotOf(b, r);
    if (index < 0)
        return;
    const messages = b.messages;
    if (Number.isNaN(messages.deliverUs[index]))
        messages.deliverUs[index] = r.t;
    messages.deliveries[index] = Math.min(255, messages.deliveries[index] + 1);
}
export function onDrop(b, r) {
    b.counts.drops++;
    b.push(b.dropTimesUs, r.t, 'drops');
    const index = slotOf(b, r);
    if (index < 0)
        return;
    b.messages.dropUs[index] = r.t;
    b.messages.dropReason[index] = b.messages.reasonCode(r.reason);
}
//# sourceMappingURL=messages.js.map