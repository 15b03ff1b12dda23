/// Why a string is not a valid EDTF date, said so that the author can fix it.
///
/// The error carries the ``offset`` of the offending character, a short ``reason`` and a ``hint``
/// that shows the closest valid form, so a caller can report `file:line:column: reason; hint`:
///
///     do { _ = try EDTFDate(parsing: "2023-02-30") } catch {
///         error.offset       // 8: the day
///         error.reason       // "February 2023 has 28 days"
///         error.hint         // "did you mean 2023-02-28?"
///         error.description  // "2023-02-30: February 2023 has 28 days; did you mean 2023-02-28?"
///     }
public struct EDTFParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem, for callers that react differently to some of them.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Nothing was written.
        case empty
        /// A character that has no place in an EDTF date (a letter, a space, a time of day…).
        case unexpectedCharacter
        /// A year of the wrong length or form (`63`, `12345` without `Y`, `Y1985`, `-0000`).
        case invalidYear
        /// Unknown digits (`X`) where EDTF does not allow them (`19X5`, `XXXX`, `1985-X4`).
        case invalidUnspecifiedDigits
        /// A month that is not 01–12 and not a sub-year code 21–41 (`2023-13`, `2023-45`).
        case invalidMonth
        /// A day that the month does not have (`2023-02-30`), or a misplaced day.
        case invalidDay
        /// A qualifier (`?`, `~`, `%`) in the wrong place or doubled.
        case invalidQualifier
        /// An interval of the wrong shape (two slashes, no date at either end, a lone `..`).
        case invalidInterval
        /// An interval whose end comes before its start (`1985/1984`).
        case endBeforeStart
    }

    /// Which front-matter field ``text`` came from, for values combined from `date` and `until`.
    public enum Field: String, Sendable, Hashable, Codable {
        /// The date itself (the only string for ``EDTFDate/init(parsing:)``).
        case date
        /// The `until` of Griot's older front matter.
        case until
    }

    /// The string that was parsed; ``offset`` counts within it.
    public let text: String
    /// Where the problem is: a 0-based column within ``text``, counted in Unicode scalars
    /// (add it to the column where the string starts to point at the character).
    public let offset: Int
    /// What is wrong, briefly: "February 2023 has 28 days", "months run 01–12".
    public let reason: String
    /// How to fix it, showing the closest valid form: "did you mean 2023-02-28?".
    public let hint: String
    /// The kind of problem.
    public let kind: Kind
    /// Which field ``text`` came from.
    public let field: Field

    /// Creates an error; `offset` counts Unicode scalars in `text` from 0.
    public init(text: String, offset: Int, reason: String, hint: String, kind: Kind, field: Field = .date) {
        self.text = text
        self.offset = offset
        self.reason = reason
        self.hint = hint
        self.kind = kind
        self.field = field
    }

    /// The string and the reason, for a diagnostic's message: "2023-13: months run 01–12".
    public var message: String { "\(text.isEmpty ? "(empty)" : text): \(reason)" }

    /// The message and the hint: "2023-13: months run 01–12; for a season use 21–24, e.g. 2023-21".
    public var description: String { "\(message); \(hint)" }
}
