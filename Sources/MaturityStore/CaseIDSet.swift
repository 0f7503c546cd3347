import Foundation

/// The case ids a decision log has shown so far, each with the place it was first read, so a case
/// read twice is refused (or dropped with --dedupe) — in about 13 bytes an id however long the ids
/// are. A `Set<String>` of ten million ids costs over a gigabyte.
///
/// An id is kept as a 64-bit hash. Two ids of the same length up to 8 bytes cannot collide (for one
/// length the hash is then a bijection of the bytes); any other two share a hash with probability
/// 2⁻⁶⁴, so a log of n distinct ids has a false repeat with probability about n²/2⁶⁵: 3 in 100
/// million at a million cases, 3 in a million at ten million, 1 in 90,000 at twenty million.
/// That is below the rate of silent disk and memory faults, so no second check is made: a
/// false repeat would read as "case X repeats row N" with row N holding another id, or with
/// --dedupe as one case left out (and counted in "--dedupe left out").
///
/// Ids land in a hash table (doubling up to 2M slots) whose home slot is the hash's top bits, so
/// its slots read in order are the hashes almost sorted; when it is half full at its largest they
/// are merged into one sorted array, found through a directory of the top bits. The sorted array
/// grows with `realloc`, which moves a large block's pages rather than copying them, so growing
/// never holds two copies.
final class CaseIDSet {
    /// The recent ids: open addressing over `1 << bits` home slots plus an overflow run at the end (no wrap); 0 is empty.
    private var keys: [UInt64] = []
    private var places: [UInt32] = []
    private var bits = 12
    private var recent = 0
    /// The recent table's largest size, 2M slots (27 MB): a smaller one merges more often.
    private let maxBits: Int

    /// The older ids, sorted by hash, with their places.
    private var sortedKeys: UnsafeMutablePointer<UInt64>?
    private var sortedPlaces: UnsafeMutablePointer<UInt32>?
    private(set) var sortedCount = 0
    private var sortedCapacity = 0
    /// `directory[b]` is the first sorted index whose hash's top `directoryBits` bits are at least b.
    private var directory: [UInt32] = [0, 0]
    private var directoryBits = 0

    init(maxBits: Int = 21) {
        self.maxBits = max(12, maxBits)
        resetRecent()
    }

    deinit {
        free(sortedKeys)
        free(sortedPlaces)
    }

    var count: Int { recent + sortedCount }

    /// The place stored for `id` when it was seen before; otherwise records it at `place` and returns nil.
    /// `file` names the log in the one error: no memory left for the ids.
    func insert(_ id: String, place: UInt32, file: String) throws -> UInt32? {
        let key = Self.hash(id)
        if let found = findSorted(key) { return found }
        while true {
            var slot = Int(key >> UInt64(64 - bits))
            while slot < keys.count {
                if keys[slot] == key { return places[slot] }
                if keys[slot] == 0 {
                    keys[slot] = key
                    places[slot] = place
                    recent += 1
                    if recent * 2 >= 1 << bits, bits >= maxBits || !grow() { try merge(file: file) }
                    return nil
                }
                slot += 1
            }
            // The probe ran off the end: merge, and the emptied table takes the id.
            try merge(file: file)
        }
    }

    private func findSorted(_ key: UInt64) -> UInt32? {
        guard sortedCount > 0, let sortedKeys, let sortedPlaces else { return nil }
        let b = directoryBits == 0 ? 0 : Int(key >> UInt64(64 - directoryBits))
        var i = Int(directory[b])
        let end = Int(directory[b + 1])
        while i < end {
            let k = sortedKeys[i]
            if k == key { return sortedPlaces[i] }
            if k > key { return nil }
            i += 1
        }
        return nil
    }

    /// An empty recent table of `1 << bits` home slots, reusing the arrays when the size is unchanged.
    private func resetRecent() {
        let size = (1 << bits) + (1 << (bits - 4)) + 64
        if keys.count == size {
            keys.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        } else {
            keys = []
            places = []
            keys = [UInt64](repeating: 0, count: size)
            places = [UInt32](repeating: 0, count: size)
        }
        recent = 0
    }

    /// Doubles the recent table, so a log of up to a million ids never reaches the sorted array;
    /// false (and the table unchanged) if an id's probe would run off the end of the new table.
    private func grow() -> Bool {
        let newBits = bits + 1
        var newKeys = [UInt64](repeating: 0, count: (1 << newBits) + (1 << (newBits - 4)) + 64)
        var newPlaces = [UInt32](repeating: 0, count: newKeys.count)
        for slot in keys.indices where keys[slot] != 0 {
            var to = Int(keys[slot] >> UInt64(64 - newBits))
            while to < newKeys.count, newKeys[to] != 0 { to += 1 }
            guard to < newKeys.count else { return false }
            newKeys[to] = keys[slot]
            newPlaces[to] = places[slot]
        }
        (keys, places, bits) = (newKeys, newPlaces, newBits)
        return true
    }

    /// Moves the recent ids into the sorted array and empties the recent table.
    /// Nothing the size of the table is allocated on the way: a large block freed and allocated
    /// again at each merge leaves the allocator holding memory it never gives back.
    private func merge(file: String) throws {
        // Slot order is home order, and the home is the top bits: packed to the front in slot order,
        // an insertion sort finishes the order in about one pass.
        var m = 0
        for slot in keys.indices where keys[slot] != 0 {
            let (key, place) = (keys[slot], places[slot])
            var j = m
            while j > 0, keys[j - 1] > key {
                keys[j] = keys[j - 1]
                places[j] = places[j - 1]
                j -= 1
            }
            keys[j] = key
            places[j] = place
            m += 1
        }
        let n = sortedCount, total = n + m
        if total > sortedCapacity {
            // Half as much again: few moves, and `realloc` remaps a large block's pages instead of copying them.
            let capacity = max(total, sortedCapacity + sortedCapacity / 2, 1024)
            guard let k = realloc(sortedKeys, capacity * MemoryLayout<UInt64>.stride)?.assumingMemoryBound(to: UInt64.self) else {
                throw ImportError.file(file, "needs more memory than the machine has to check \(total) case ids for repeats")
            }
            sortedKeys = k
            guard let p = realloc(sortedPlaces, capacity * MemoryLayout<UInt32>.stride)?.assumingMemoryBound(to: UInt32.self) else {
                throw ImportError.file(file, "needs more memory than the machine has to check \(total) case ids for repeats")
            }
            sortedPlaces = p
            sortedCapacity = capacity
        }
        guard let k = sortedKeys, let p = sortedPlaces else { return }
        // Merge from the back, in place: the larger of the two tails goes last.
        var i = n - 1, j = m - 1, out = total - 1
        while j >= 0 {
            if i >= 0, k[i] > keys[j] {
                k[out] = k[i]
                p[out] = p[i]
                i -= 1
            } else {
                k[out] = keys[j]
                p[out] = places[j]
                j -= 1
            }
            out -= 1
        }
        sortedCount = total
        // Four to eight hashes per directory entry: one cache line to scan.
        let newBits = max(0, min(30, Int.bitWidth - (total / 8).leadingZeroBitCount))
        if newBits != directoryBits {
            directoryBits = newBits
            directory = []
            directory = [UInt32](repeating: 0, count: (1 << directoryBits) + 1)
        }
        var b = 0
        for index in 0..<total {
            let top = directoryBits == 0 ? 0 : Int(k[index] >> UInt64(64 - directoryBits))
            while b <= top {
                directory[b] = UInt32(index)
                b += 1
            }
        }
        while b < directory.count {
            directory[b] = UInt32(total)
            b += 1
        }
        resetRecent()
    }

    /// A 64-bit hash of the id's UTF-8 bytes: its length, then 8 bytes at a time, each step
    /// through splitmix64's finaliser (a bijection), never 0 (the empty slot).
    static func hash(_ id: String) -> UInt64 {
        var text = id
        let h = text.withUTF8 { bytes -> UInt64 in
            var h = mix(0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count))
            var i = 0
            while i < bytes.count {
                var chunk: UInt64 = 0
                for b in 0..<min(8, bytes.count - i) { chunk |= UInt64(bytes[i + b]) << UInt64(8 * b) }
                h = mix(h ^ chunk)
                i += 8
            }
            return h
        }
        return h == 0 ? 1 : h
    }

    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
