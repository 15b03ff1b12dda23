import Foundation

/// A heading of a page's Markdown body, with the id its anchor gets.
public struct Heading: Sendable, Hashable {
    public var level: Int
    /// The heading's plain text (after smart punctuation).
    public var text: String
    /// The anchor id, unique on the page: `relations-since-2020`.
    public var id: String
    public var location: SourceLocation
}

/// Makes URL-safe ids and slugs: accents stripped, lowercase ASCII, other runs become one `-`.
public enum Slug {
    /// `"Côte d'Ivoire"` → `cote-d-ivoire`, `"Relations since 2020"` → `relations-since-2020`.
    public static func make(from text: String) -> String {
        var result = ""
        var pendingDash = false
        // Only text beyond ASCII has accents to strip; decomposing costs more than the rest.
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        for scalar in (isASCII ? text : text.decomposedStringWithCompatibilityMapping).unicodeScalars {
            if !isASCII && scalar.properties.generalCategory == .nonspacingMark { continue }
            let value = scalar.value
            let isDigit = value >= 48 && value <= 57
            let isUpper = value >= 65 && value <= 90
            let isLower = value >= 97 && value <= 122
            if isDigit || isUpper || isLower {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(isUpper ? Unicode.Scalar(value + 32)! : scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// Whether `text` is already a valid slug (lowercase ASCII words joined by `-`).
    /// The same as `make(from: text) == text` for non-empty text, without building a string.
    public static func isValid(_ text: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in text.utf8 {
            let isWordByte =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            guard isWordByte || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) else { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }
}
