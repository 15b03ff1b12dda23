/// A 64-bit hash that is the same in every run (Swift's `Hasher` is seeded per process), for
/// fingerprints kept between builds: FNV-1a on bytes, on eight-byte words for text. Not for
/// security.
struct StableHash: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func combine(_ number: UInt64) {
        var rest = number
        for _ in 0..<8 {
            combine(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
    }

    mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

    /// Combines the text and its length, so that ("ab", "c") and ("a", "bc") differ. Eight bytes
    /// at a time: long texts (a page's HTML) are hashed at memory speed.
    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                value = (value ^ word) &* 0x0000_0100_0000_01b3
                value ^= value >> 29
                index += 8
            }
            while index < bytes.count {
                combine(bytes[index])
                index += 1
            }
            combine(bytes.count)
        }
    }

    mutating func combine(_ text: String?) {
        if let text { combine(text) } else { combine(UInt8(0xFF)) }
    }

    static func of(_ text: String) -> UInt64 {
        var hash = StableHash()
        hash.combine(text)
        return hash.value
    }

    /// Spreads a value's bits so that sums of mixed values rarely collide (splitmix64's finalizer).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
