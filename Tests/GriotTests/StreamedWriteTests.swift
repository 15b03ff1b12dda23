import Foundation
import Testing

@testable import Griot

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Large outputs written in pieces as they render")
struct StreamedWriteTests {
    /// A file's inode and modification time, which a rewrite changes.
    static func identity(_ url: URL) -> String? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        return "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Bytes close to `old`: the same, changed at one place, cut short or made longer, so that
    /// the pieces often match the old file for a while and then differ.
    static func variant(of old: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var new = old
        switch Int.random(in: 0..<5, using: &random) {
        case 0:
            break
        case 1 where !new.isEmpty:
            new[Int.random(in: 0..<new.count, using: &random)] ^= 1
        case 2 where !new.isEmpty:
            new.removeLast(Int.random(in: 1...new.count, using: &random))
        case 3:
            new += (0..<Int.random(in: 1...40, using: &random)).map { _ in UInt8.random(in: 97...99, using: &random) }
        default:
            new = (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 97...99, using: &random) }
        }
        return new
    }

    /// `bytes` cut at random places.
    static func pieces(of bytes: [UInt8], _ random: inout SeededGenerator) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + Int.random(in: 1...120, using: &random))
            pieces.append(Array(bytes[start..<end]))
            start = end
        }
        return pieces
    }

    @Test(
        "whatever the old file and however the new bytes are cut, the output ends holding them; an unchanged file keeps its inode and time",
        arguments: [false, true])
    func piecesAlwaysMakeTheFile(inPlace: Bool) throws {
        var random = SeededGenerator(seed: inPlace ? 11 : 7)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("griot-streamed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let writer = OutputWriter(output: output, site: root, protected: [])
        let file = output.appendingPathComponent("data/export.json")

        for round in 0..<150 {
            try? FileManager.default.removeItem(at: output)
            let old: [UInt8]? =
                Bool.random(using: &random)
                ? (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 97...99, using: &random) }
                : nil
            if let old {
                let first = try writer.begin()
                _ = try old.withUnsafeBytes { try first.write("data/export.json", contents: $0) }
                try first.commit(keeping: ["data/export.json"])
            }
            let before = Self.identity(file)
            let new = Self.variant(of: old ?? [], &random)
            let pieces = Self.pieces(of: new, &random)

            let second = try writer.begin(inPlace: inPlace)
            let outcome = try second.write("data/export.json", pieceSize: 1) { sink in
                for piece in pieces {
                    var text = String(decoding: piece, as: UTF8.self)
                    sink.take(&text)
                }
                return true
            }
            try second.commit(keeping: ["data/export.json"])

            #expect(Array(try Data(contentsOf: file)) == new, "round \(round)")
            #expect(outcome == (old == new ? .unchanged : .written), "round \(round)")
            if old == new {
                #expect(Self.identity(file) == before, "round \(round): an unchanged file was rewritten")
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
            #expect(leftovers == ["export.json"], "round \(round)")
        }
    }

    @Test("an output stopped part way leaves the file in the output as it was")
    func aStoppedOutputLeavesTheOldFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("griot-streamed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let writer = OutputWriter(output: output, site: root, protected: [])
        let first = try writer.begin()
        _ = try Array("old text".utf8).withUnsafeBytes { try first.write("export.json", contents: $0) }
        try first.commit(keeping: ["export.json"])
        let before = Self.identity(output.appendingPathComponent("export.json"))

        let second = try writer.begin(inPlace: true)
        let outcome = try second.write("export.json", pieceSize: 1) { sink in
            var text = "new text, cut"
            sink.take(&text)
            return false
        }
        second.cancel()
        #expect(outcome == nil)
        #expect(try String(contentsOf: output.appendingPathComponent("export.json"), encoding: .utf8) == "old text")
        #expect(Self.identity(output.appendingPathComponent("export.json")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["export.json"])
    }

    @Test("a site built with its large outputs cut into 64-byte pieces is the same, file for file, as one built whole")
    func smallPiecesMakeTheSameSite() throws {
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        var whole = BuildOptions(siteDirectory: fixture.root, outputDirectory: fixture.url("whole"))
        whole.pieceSize = .max
        var cut = BuildOptions(siteDirectory: fixture.root, outputDirectory: fixture.url("cut"))
        cut.pieceSize = 64
        #expect(Builder(options: whole).build().succeeded)
        #expect(Builder(options: cut).build().succeeded)
        let wholeFiles = FixtureSite.snapshot(fixture.url("whole"))
        #expect(wholeFiles["/timeline.json"] != nil && wholeFiles["/timeline/index.html"] != nil)
        #expect(wholeFiles.keys.sorted() == FixtureSite.snapshot(fixture.url("cut")).keys.sorted())
        for (path, bytes) in FixtureSite.snapshot(fixture.url("cut")) {
            #expect(wholeFiles[path] == bytes, "\(path) differs")
        }
        // Rebuilt in pieces into its own output: nothing changed, nothing is rewritten.
        #expect(Builder(options: cut).build().filesChanged == 0)
    }
}
