/// A content file split into its YAML front matter and its Markdown body.
struct FrontMatter: Sendable {
    /// The YAML between the fences.
    var yaml: String
    /// The line of the file on which the YAML starts (the line after the opening fence).
    var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    var body: Substring
    /// The line of the file on which the body starts.
    var bodyFirstLine: Int

    /// Splits `file` at its `---` fences, in one pass over the bytes of the front matter.
    static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let text = file.text
        if text.isEmpty {
            return .failure(
                Diagnostic(
                    .emptyFile, file: file.path, line: 1, column: 1, message: "the file is empty",
                    hint: "start the file with a front matter block: a line '---', the YAML fields, and '---'"))
        }
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart = utf8.startIndex
        while lineStart < utf8.endIndex {
            let newline = utf8[lineStart...].firstIndex(of: 0x0A)
            let lineEnd = newline ?? utf8.endIndex
            let next = newline.map { utf8.index(after: $0) } ?? utf8.endIndex
            lineNumber += 1
            let fence = fenceKind(utf8[lineStart..<lineEnd])
            if lineNumber == 1 {
                guard fence == .dashes else {
                    return .failure(
                        Diagnostic(
                            .missingFrontMatter, file: file.path, line: 1, column: 1,
                            message: "missing front matter: the file must begin with '---'",
                            hint: "add a line '---', the fields (title: …), and a closing '---' before the Markdown"))
                }
                yamlStart = next
            } else if fence != nil {
                // The YAML keeps no final newline, as a split into lines and a join would give.
                let yamlEnd = lineStart > yamlStart ? utf8.index(before: lineStart) : yamlStart
                return .success(
                    FrontMatter(
                        yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: 2, body: text[next...],
                        bodyFirstLine: lineNumber + 1))
            }
            lineStart = next
        }
        return .failure(
            Diagnostic(
                .unclosedFrontMatter, file: file.path, line: 1, column: 1, message: "front matter is not closed",
                hint: "add a line '---' after the last front matter field, before the Markdown"))
    }

    private enum Fence { case dashes, dots }

    /// Whether a line is `---` or `...`, trailing spaces and tabs allowed.
    private static func fenceKind(_ line: Substring.UTF8View) -> Fence? {
        var end = line.endIndex
        while end > line.startIndex, let last = line[..<end].last, last == 0x20 || last == 0x09 {
            end = line.index(before: end)
        }
        let trimmed = line[line.startIndex..<end]
        guard trimmed.count == 3 else { return nil }
        if trimmed.allSatisfy({ $0 == UInt8(ascii: "-") }) { return .dashes }
        if trimmed.allSatisfy({ $0 == UInt8(ascii: ".") }) { return .dots }
        return nil
    }
}
