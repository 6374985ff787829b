/// Where the characters of a text's value were written, kept as runs rather than one place per
/// character: the characters of a run were written one after the other on one line, each a
/// single scalar (the first at the run's place, each next one a column further), or the run is
/// one character (of one or more scalars).
struct TextPlaces: Sendable, Equatable {
    private struct Run: Sendable, Equatable {
        /// The byte offset in the value where the run starts.
        var offset: Int
        var place: SourceLocation
        var isOneCharacter: Bool
    }

    private var runs: [Run] = []

    /// Adds a run of single-scalar characters, starting at byte `offset` of the value, the first
    /// written at `place`.
    mutating func appendScalars(at offset: Int, _ place: SourceLocation) {
        runs.append(Run(offset: offset, place: place, isOneCharacter: false))
    }

    /// Adds one character, starting at byte `offset` of the value, written at `place`.
    mutating func appendCharacter(at offset: Int, _ place: SourceLocation) {
        runs.append(Run(offset: offset, place: place, isOneCharacter: true))
    }

    /// For each byte of `value` (the UTF-8 of the text these are the places of), the place of the
    /// character starting there, nil for its other bytes; all nil when no places were kept.
    func byByte(of value: [UInt8]) -> [SourceLocation?] {
        var result = [SourceLocation?](repeating: nil, count: value.count)
        result.withUnsafeMutableBufferPointer { result in
            value.withUnsafeBufferPointer { value in
                for (number, run) in runs.enumerated() {
                    if run.isOneCharacter {
                        result[run.offset] = run.place
                        continue
                    }
                    let end = number + 1 < runs.count ? runs[number + 1].offset : value.count
                    var place = run.place
                    for offset in run.offset..<end where value[offset] < 0x80 || value[offset] >= 0xC0 {
                        result[offset] = place
                        place.column += 1
                    }
                }
            }
        }
        return result
    }
}
