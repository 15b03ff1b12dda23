/// Values in storage of their own length. Storage built by appending may hold up to twice its
/// length; a site keeps every page's HTML, events and sources, so the slack would double them.
extension String {
    /// The same text in storage of its own length.
    var exactSize: String {
        var copy = self
        return copy.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }
}

extension Array {
    /// The same elements in storage of their own length.
    var exactSize: [Element] {
        guard capacity > count else { return self }
        var copy: [Element] = []
        copy.reserveCapacity(count)
        copy.append(contentsOf: self)
        return copy
    }
}
