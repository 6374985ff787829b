extension Record {
    /// The record of `fields`, moved out of the buffer (left uninitialised), at `location`: its
    /// texts become words (in the arena of `shapes` when there is a table; inline, or kept among
    /// the other values, when there is none), and its row is added to the shape `shapes` hands
    /// out for these fields (a shape of its own without a table, its names from `names`). A field
    /// whose entry in `given` has ``FieldStack/hasWord`` set is a text already in the table's
    /// arena, with that word.
    static func made(
        moving fields: UnsafeMutableBufferPointer<Field>, words given: UnsafePointer<UInt64>?,
        location: SourceLocation, shapes: inout RecordShapeTable?, names: NameTable? = nil
    ) -> Record {
        let arena = shapes?.arena
        return withUnsafeTemporaryAllocation(of: RecordShape.Slot.self, capacity: fields.count) { kinds in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: fields.count) { words in
                var otherCount = 0
                for index in fields.indices {
                    var kind = RecordShape.Slot.other
                    var word: UInt32 = 0
                    if let given, arena != nil, given[index] & FieldStack.hasWord != 0 {
                        word = UInt32(truncatingIfNeeded: given[index])
                        kind = .word
                    } else if case .text(let text) = fields[index].value {
                        if let arena {
                            word = arena.word(text, field: fields[index].name)
                            kind = .word
                        } else if let inline = CompactText.word(text) {
                            word = inline
                            kind = .word
                        }
                    }
                    if kind == .other { otherCount += 1 }
                    (kinds.baseAddress! + index).initialize(to: kind)
                    (words.baseAddress! + index).initialize(to: word)
                }
                let readOnly = UnsafeBufferPointer(fields)
                let shape =
                    shapes?.shape(for: readOnly, kinds: UnsafeBufferPointer(kinds))
                    ?? RecordShape(
                        names: readOnly, kinds: UnsafeBufferPointer(kinds), arena: nil, nameTable: names)
                return withUnsafeTemporaryAllocation(of: Value.self, capacity: otherCount) { others in
                    // The words in field order, less the others: the row's words.
                    var wordCount = 0, otherIndex = 0
                    for index in fields.indices {
                        let field = (fields.baseAddress! + index).move()
                        switch kinds[index] {
                        case .word:
                            words[wordCount] = words[index]
                            wordCount += 1
                        case .other:
                            (others.baseAddress! + otherIndex).initialize(to: field.value)
                            otherIndex += 1
                        }
                    }
                    defer { others.baseAddress?.deinitialize(count: otherCount) }
                    let row = shape.appendRow(
                        words: UnsafePointer(words.baseAddress), others: UnsafePointer(others.baseAddress),
                        location: location)
                    return Record(shape: shape, row: row)
                }
            }
        }
    }
}
