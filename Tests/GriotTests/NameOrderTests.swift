import Foundation
import Testing

@testable import Griot

/// Names are listed as a reader looks for them, each name folded once rather than compared with
/// a locale per pair (which took most of a title edit's rebuild at 10,000 pages).
@Suite("Name order")
struct NameOrderTests {
    @Test("case, accents and width are set aside; numbers go by value; equal folds go by their characters")
    func examples() {
        let names = [
            "Zambia", "côte d'Ivoire", "Cote Ouest", "Côte d'Ivoire", "Chad", "ＣＡ", "Item 10", "Item 2", "Item 02b",
        ]
        #expect(
            names.sorted(byName: { $0 }, then: { $0 }) == [
                "ＣＡ", "Chad", "Côte d'Ivoire", "côte d'Ivoire", "Cote Ouest", "Item 2", "Item 02b", "Item 10", "Zambia",
            ])
    }

    @Test("the order is total and agrees with Foundation's localized standard order on plain names", arguments: 0..<30)
    func agreesWithFoundation(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) + 500)
        let pieces = ["a", "b", "e", "é", "o", "ô", "z", " ", "1", "2", "10", "M", "N"]
        var names = Set<String>()
        for _ in 0..<20 {
            names.insert(
                (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                    .joined())
        }
        let sorted = names.sorted(byName: { $0 }, then: { $0 })
        // Total: every pair in order, whichever way it is asked.
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            #expect(NameOrder(a) < NameOrder(b) && !(NameOrder(b) < NameOrder(a)))
        }
        // Where the folded forms differ and hold no space, Foundation orders the pair alike.
        let folded = { (name: String) in
            name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        }
        for (a, b) in zip(sorted, sorted.dropFirst())
        where folded(a) != folded(b) && !a.contains(" ") && !b.contains(" ") {
            #expect(a.localizedStandardCompare(b) != .orderedDescending, "\(a) before \(b)")
        }
    }
}
