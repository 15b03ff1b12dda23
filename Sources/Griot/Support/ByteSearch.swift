#if canImport(Glibc)
    import Glibc
#endif

/// Finding a run of bytes in a buffer: `memchr` to the pattern's first byte, then `memcmp`.
enum ByteSearch {
    /// Where `pattern` first occurs in `bytes` at or after `start`.
    static func firstIndex(
        of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0
    ) -> Int? {
        guard let base = bytes.baseAddress, let needle = pattern.baseAddress, !pattern.isEmpty,
            start >= 0, bytes.count - start >= pattern.count
        else { return nil }
        var offset = start
        while offset + pattern.count <= bytes.count,
            let hit = memchr(base + offset, Int32(needle[0]), bytes.count - offset - pattern.count + 1)
        {
            let found = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + found, needle, pattern.count) == 0 { return found }
            offset = found + 1
        }
        return nil
    }

    /// Where `pattern` first occurs in `bytes` at or after `start`.
    static func firstIndex(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        pattern.withUnsafeBufferPointer { firstIndex(of: $0, in: bytes, from: start) }
    }
}
