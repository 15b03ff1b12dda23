import Testing

@testable import Griot

@Suite("Page ids")
struct PageIDTests {
    @Test("two ids are equal, and hash alike, exactly when their kinds and slugs are")
    func equalityFollowsKindAndSlug() {
        var generator = SystemRandomNumberGenerator()
        // Short slugs from three letters: many pairs share a slug, a kind, or both.
        let slugs = (0..<300).map { _ in
            String((0..<Int.random(in: 0...3, using: &generator)).map { _ in "abé".randomElement(using: &generator)! })
        }
        let ids = slugs.map { PageID(PageKind.allCases.randomElement(using: &generator)!, $0) }
        for a in ids {
            for b in ids {
                let same = a.kind == b.kind && a.slug == b.slug
                #expect((a == b) == same, "\(a) and \(b)")
                if same { #expect(a.hashValue == b.hashValue, "\(a)") }
            }
        }
        let distinct = Set(ids.map { "\($0.kind.rawValue)/\($0.slug)" })
        #expect(Set(ids).count == distinct.count)
    }

    @Test("an id made from a copy of a slug's bytes finds the same page")
    func idFromCopiedBytes() {
        let slug = "côte-d-ivoire"
        let copied = PageID(.country, String(decoding: Array(slug.utf8), as: UTF8.self))
        let table = [PageID(.country, slug): 1, PageID(.topic, slug): 2]
        #expect(table[copied] == 1)
        #expect(table[PageID(.page, slug)] == nil)
    }
}
