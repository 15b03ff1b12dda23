/// A link or image written in a page's Markdown body.
public struct Link: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case link, image
    }

    public var kind: Kind
    /// The destination exactly as written.
    public var destination: String
    public var location: SourceLocation
    /// For a link to another content file: the sentence it stands in, as plain text, for the
    /// "pages that link here" of the page it names.
    public var context: String? = nil

    /// What a destination points at, as far as the text alone tells.
    public enum Target: Sendable, Hashable {
        /// `https://…`, `mailto:…`: left as written.
        case external
        /// `javascript:`, `vbscript:`, `file:`, non-image `data:`: refused.
        case unsafe(scheme: String)
        /// `#anchor` on the same page.
        case anchor(String)
        /// Another content file: `../topics/g5-sahel.md#history` (path relative to this file).
        case contentFile(path: String, anchor: String?)
        /// Any other relative address (an asset, a generated page): left as written.
        case other
    }

    public var target: Target {
        // Most destinations (`france.md`) hold no colon, hence no scheme: nothing to lower-case.
        let lowered = destination.utf8.contains(UInt8(ascii: ":")) ? destination.lowercased() : ""
        if let colon = lowered.firstIndex(of: ":"),
            lowered[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
            !lowered[..<colon].isEmpty
        {
            let scheme = String(lowered[..<colon])
            switch scheme {
            case "javascript", "vbscript", "file": return .unsafe(scheme: scheme)
            case "data":
                let safeImage = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
                return safeImage.contains(where: lowered.hasPrefix) ? .external : .unsafe(scheme: scheme)
            default: return .external
            }
        }
        if destination.utf8.first == UInt8(ascii: "#") { return .anchor(String(destination.dropFirst())) }
        let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#"))
        let path = hash.map { String(destination[..<$0]) } ?? destination
        let anchor = hash.map { String(destination[destination.index(after: $0)...]) }
        if path.hasSuffix(".md") && !path.hasPrefix("/") { return .contentFile(path: path, anchor: anchor) }
        return .other
    }
}
