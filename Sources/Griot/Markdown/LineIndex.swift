/// The start of every line of a UTF-8 text, found in one pass, to turn cmark's byte positions
/// into the line and column (in Unicode scalars) an editor shows.
///
/// Positions are asked for in document order; the index remembers where the last one was, so
/// the columns of many links on one line cost one pass over that line, not one per link.
struct LineIndex {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Byte offset of the first byte of each line; line 1 starts at 0.
    private(set) var starts: [Int]
    /// The last column asked for: (line, byte offset in the text, scalars before it on its line).
    private var cursor: (line: Int, offset: Int, scalars: Int) = (0, 0, 0)

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        for index in bytes.indices where bytes[index] == 0x0A {
            starts.append(index + 1)
        }
        self.starts = starts
    }

    var lineCount: Int { starts.count }

    /// The bytes of line `line` (1-based), without its newline.
    func line(_ line: Int) -> UnsafeBufferPointer<UInt8> {
        guard line >= 1, line <= starts.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] - 1 : bytes.count
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// The 1-based column, in Unicode scalars, of byte column `byteColumn` (1-based) on `line`.
    /// With `opening`, the column moves forward to the first of these bytes at or after it.
    mutating func column(line: Int, byteColumn: Int, movingTo opening: Set<UInt8>? = nil) -> Int {
        guard line >= 1, line <= starts.count else { return max(byteColumn, 1) }
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] - 1 : bytes.count
        var offset = min(start + max(byteColumn - 1, 0), end)
        if let opening {
            while offset < end, !opening.contains(bytes[offset]) { offset += 1 }
            if offset == end { offset = min(start + max(byteColumn - 1, 0), end) }
        }
        if cursor.line != line || cursor.offset > offset {
            cursor = (line, start, 0)
        }
        var scalars = cursor.scalars
        for index in cursor.offset..<offset where bytes[index] & 0xC0 != 0x80 {
            scalars += 1
        }
        cursor = (line, offset, scalars)
        return scalars + 1
    }
}
