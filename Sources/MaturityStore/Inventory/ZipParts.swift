import CZlibInflate
import Foundation
import MaturityCore

/// The parts of a zip archive (an .xlsx workbook), read with every offset and length checked
/// against the file: a part is inflated from exactly its own compressed bytes, so a damaged or
/// hostile archive ends in an error naming the part, never in a loop or a read past the end.
struct ZipParts {
    struct Part {
        var name: String
        var method: UInt16
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
    }

    let path: String
    let handle: FileHandle
    let fileSize: UInt64
    private(set) var parts: [String: Part] = [:]

    init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.unreadable(path: path, reason: "permission denied") }
        self.handle = handle
        fileSize = (try? handle.seekToEnd()) ?? 0
        try readCentralDirectory()
    }

    func damaged(_ why: String) -> ImportError {
        ImportError.file(path, "not a valid .xlsx workbook (\(why)); save it from Excel or LibreOffice as .xlsx, or export CSV")
    }

    func read(at offset: UInt64, count: Int) throws -> Data {
        guard count >= 0, offset <= fileSize, UInt64(count) <= fileSize - offset else { throw damaged("a length points past the end of the file") }
        try handle.seek(toOffset: offset)
        let data = try handle.read(upToCount: count) ?? Data()
        guard data.count == count else { throw damaged("the file ends early") }
        return data
    }

    static func u16(_ d: Data, _ at: Int) -> UInt16 { UInt16(d[d.startIndex + at]) | UInt16(d[d.startIndex + at + 1]) << 8 }
    static func u32(_ d: Data, _ at: Int) -> UInt32 { UInt32(u16(d, at)) | UInt32(u16(d, at + 2)) << 16 }

    private mutating func readCentralDirectory() throws {
        guard fileSize >= 22 else { throw damaged("it is not a zip archive") }
        // The end-of-central-directory record is in the last 64 KB + 22 bytes.
        let tailLength = Int(min(fileSize, 65_557))
        let tail = try read(at: fileSize - UInt64(tailLength), count: tailLength)
        var eocd: Int?
        var i = tail.count - 22
        while i >= 0 {
            if Self.u32(tail, i) == 0x0605_4B50 { eocd = i; break }
            i -= 1
        }
        guard let e = eocd else { throw damaged("it is not a zip archive") }
        let count = Int(Self.u16(tail, e + 10))
        let size = Int(Self.u32(tail, e + 12))
        let offset = UInt64(Self.u32(tail, e + 16))
        guard count <= 65_535, size <= 64 * 1024 * 1024 else { throw damaged("its directory is too large") }
        let directory = try read(at: offset, count: size)
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, Self.u32(directory, at) == 0x0201_4B50 else { throw damaged("its directory is damaged") }
            let method = Self.u16(directory, at + 10)
            let compressed = UInt64(Self.u32(directory, at + 20))
            let uncompressed = UInt64(Self.u32(directory, at + 24))
            let nameLength = Int(Self.u16(directory, at + 28))
            let extraLength = Int(Self.u16(directory, at + 30))
            let commentLength = Int(Self.u16(directory, at + 32))
            let local = UInt64(Self.u32(directory, at + 42))
            guard at + 46 + nameLength <= directory.count else { throw damaged("its directory is damaged") }
            let nameStart = directory.startIndex + at + 46
            let name = String(decoding: directory[nameStart..<(nameStart + nameLength)], as: UTF8.self)
            parts[name] = Part(name: name, method: method, compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: local)
            at += 46 + nameLength + extraLength + commentLength
        }
    }

    /// Streams a part's unpacked bytes to `consume`, refusing more than `maxBytes` of them.
    func stream(_ name: String, maxBytes: UInt64, tooBig: String, _ consume: (Data) throws -> Void) throws {
        guard let part = parts[name] else { throw damaged("\(name) is missing") }
        if part.uncompressedSize > maxBytes { throw ImportError.file(path, tooBig) }
        let header = try read(at: part.localHeaderOffset, count: 30)
        guard Self.u32(header, 0) == 0x0403_4B50 else { throw damaged("the part \(name) has no header") }
        let dataOffset = part.localHeaderOffset + 30 + UInt64(Self.u16(header, 26)) + UInt64(Self.u16(header, 28))
        guard dataOffset <= fileSize, part.compressedSize <= fileSize - dataOffset else {
            throw damaged("the part \(name) runs past the end of the file")
        }
        switch part.method {
        case 0:
            try stored(part, from: dataOffset, maxBytes: maxBytes, tooBig: tooBig, consume)
        case 8:
            try inflate(part, from: dataOffset, maxBytes: maxBytes, tooBig: tooBig, consume)
        default:
            throw damaged("the part \(name) uses compression method \(part.method)")
        }
    }

    func data(_ name: String, maxBytes: UInt64, tooBig: String) throws -> Data {
        var out = Data()
        try stream(name, maxBytes: maxBytes, tooBig: tooBig) { out.append($0) }
        return out
    }

    private func stored(_ part: Part, from offset: UInt64, maxBytes: UInt64, tooBig: String, _ consume: (Data) throws -> Void) throws {
        if part.compressedSize > maxBytes { throw ImportError.file(path, tooBig) }
        var done: UInt64 = 0
        while done < part.compressedSize {
            let n = Int(min(1 << 20, part.compressedSize - done))
            try consume(try read(at: offset + done, count: n))
            done += UInt64(n)
        }
    }

    private func inflate(_ part: Part, from offset: UInt64, maxBytes: UInt64, tooBig: String, _ consume: (Data) throws -> Void) throws {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw damaged("zlib cannot start")
        }
        defer { inflateEnd(&stream) }
        var read: UInt64 = 0
        var produced: UInt64 = 0
        var output = [UInt8](repeating: 0, count: 1 << 16)
        var finished = false
        while !finished {
            guard read < part.compressedSize else { throw damaged("the part \(part.name) ends before its data does") }
            let n = Int(min(1 << 16, part.compressedSize - read))
            var input = [UInt8](try self.read(at: offset + read, count: n))
            read += UInt64(n)
            try input.withUnsafeMutableBufferPointer { inBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                repeat {
                    let result = output.withUnsafeMutableBufferPointer { outBuffer -> Int32 in
                        stream.next_out = outBuffer.baseAddress
                        stream.avail_out = UInt32(outBuffer.count)
                        return CZlibInflate.inflate(&stream, Z_NO_FLUSH)
                    }
                    guard result == Z_OK || result == Z_STREAM_END || result == Z_BUF_ERROR else {
                        throw damaged("the part \(part.name) is damaged (zlib error \(result))")
                    }
                    let count = output.count - Int(stream.avail_out)
                    if count > 0 {
                        produced += UInt64(count)
                        if produced > maxBytes { throw ImportError.file(path, tooBig) }
                        try consume(Data(output[0..<count]))
                    }
                    if result == Z_STREAM_END { finished = true; break }
                    if result == Z_BUF_ERROR && count == 0 { break }
                } while stream.avail_in > 0 || stream.avail_out == 0
            }
        }
    }
}
