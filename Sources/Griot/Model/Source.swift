/// A document a page is written from, listed at the foot of the page.
public struct Source: Sendable, Hashable {
    public var title: String
    public var publisher: String?
    /// An http or https address, where one is known.
    public var url: String?
    public var date: EDTFDate?

    public init(title: String, publisher: String? = nil, url: String? = nil, date: EDTFDate? = nil) {
        self.title = title
        self.publisher = publisher
        self.url = url
        self.date = date
    }
}
