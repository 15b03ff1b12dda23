/// A content file split into its YAML front matter and its Markdown body.
struct FrontMatter: Sendable {
    /// The YAML between the fences.
    var yaml: String
    /// The line of the file on which the YAML starts (the line after the opening fence).
    var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    var body: String
    /// The line of the file on which the body starts.
    var bodyFirstLine: Int

    /// Splits `file` at its `---` fences.
    static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let text = file.text
        if text.isEmpty {
            return .failure(
                Diagnostic(
                    .error, file: file.path, line: 1, column: 1, message: "the file is empty",
                    hint: "start the file with a front matter block: a line '---', the YAML fields, and '---'"))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), first.trimmingTrailingSpaces() == "---" else {
            return .failure(
                Diagnostic(
                    .error, file: file.path, line: 1, column: 1,
                    message: "missing front matter: the file must begin with '---'",
                    hint: "add a line '---', the fields (title: …), and a closing '---' before the Markdown"))
        }
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.popFirst() {
            lineNumber += 1
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed == "---" || trimmed == "..." {
                return .success(
                    FrontMatter(
                        yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2,
                        body: lines.joined(separator: "\n"), bodyFirstLine: lineNumber + 1))
            }
            yamlLines.append(line)
        }
        return .failure(
            Diagnostic(
                .error, file: file.path, line: 1, column: 1, message: "front matter is not closed",
                hint: "add a line '---' after the last front matter field, before the Markdown"))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
