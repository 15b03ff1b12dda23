import Foundation

/// The order names are listed in, as a reader looks for them: case, accents and character width
/// set aside ("Côte d'Ivoire" among the C's), numbers by value ("Item 2" before "Item 10"); names
/// equal that way are ordered by their characters, so the order is total and the same in every
/// run. Each name is folded once, so sorting 10,000 names makes 10,000 foldings, not a locale
/// comparison per pair.
struct NameOrder: Comparable {
    private let folded: [Unicode.Scalar]
    private let name: String

    init(_ name: String) {
        self.name = name
        folded = Array(
            name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                .unicodeScalars)
    }

    static func == (a: NameOrder, b: NameOrder) -> Bool { a.name == b.name }

    static func < (a: NameOrder, b: NameOrder) -> Bool {
        switch compareFolded(a.folded, b.folded) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars)
        }
    }

    /// Scalar by scalar, except that runs of ASCII digits compare by their value.
    private static func compareFolded(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> ComparisonResult {
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if isDigit(a[i]) && isDigit(b[j]) {
                // Leading zeros set aside, the longer run is the larger number.
                var endA = i
                while endA < a.count && isDigit(a[endA]) { endA += 1 }
                var endB = j
                while endB < b.count && isDigit(b[endB]) { endB += 1 }
                var startA = i
                while startA < endA - 1 && a[startA] == "0" { startA += 1 }
                var startB = j
                while startB < endB - 1 && b[startB] == "0" { startB += 1 }
                if endA - startA != endB - startB {
                    return endA - startA < endB - startB ? .orderedAscending : .orderedDescending
                }
                for (x, y) in zip(a[startA..<endA], b[startB..<endB]) where x != y {
                    return x.value < y.value ? .orderedAscending : .orderedDescending
                }
                i = endA
                j = endB
                continue
            }
            if a[i] != b[j] { return a[i].value < b[j].value ? .orderedAscending : .orderedDescending }
            i += 1
            j += 1
        }
        if i < a.count { return .orderedDescending }
        if j < b.count { return .orderedAscending }
        return .orderedSame
    }
}

extension Sequence {
    /// The elements in the order of their names (`NameOrder`), each name folded once; elements
    /// of the same name in the order of `tie` (an address, a slug), so the order never depends on
    /// where the elements came from.
    func sorted(byName name: (Element) -> String, then tie: (Element) -> String) -> [Element] {
        // Positions sorted by keys held apart, so that sorting moves no element.
        let elements = Array(self)
        let orders = elements.map { NameOrder(name($0)) }
        let ties = elements.map(tie)
        return elements.indices.sorted { a, b in
            orders[a] == orders[b] ? ties[a] < ties[b] : orders[a] < orders[b]
        }.map { elements[$0] }
    }
}
