extension Array where Element: Sendable {
    /// Maps the elements on all cores (the engine's own threads, `WorkerPool`), keeping their
    /// order. Worth it when each transform is substantial (reading, parsing or rendering a page).
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            nonisolated(unsafe) let output = buffer.baseAddress!
            self.withUnsafeBufferPointer { elements in
                nonisolated(unsafe) let input = elements
                // Each iteration writes only its own slot, so no two threads touch the same memory.
                WorkerPool.shared.perform(iterations: count) { index in
                    (output + index).initialize(to: transform(input[index]))
                }
            }
            initializedCount = count
        }
    }
}
