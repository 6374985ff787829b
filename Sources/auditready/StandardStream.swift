import Foundation
import ArgumentParser
import AuditKit

/// Standard output or standard error, written with plain `write(2)` calls whose failures are
/// reported (Foundation's `FileHandle.write(_:)` traps on a full disk or a closed stream).
struct StandardStream: Sendable {
    /// Why standard output could not take the text.
    struct Failure: Error {
        var reason: String
    }

    let descriptor: Int32

    static let output = StandardStream(descriptor: STDOUT_FILENO)
    static let error = StandardStream(descriptor: STDERR_FILENO)

    /// Descriptors 1 and 2 that were closed when the command started (`>&-`).
    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

    /// Occupies closed standard descriptors with `/dev/null` so that no file the run opens gets
    /// number 1 or 2 and receives the report or a message; writing to a stream closed at the
    /// start then fails as it should.
    static func guardClosedDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
        where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
            closedAtStart.insert(descriptor)
        }
    }

    /// Writes all of `bytes`, or throws with the system's reason.
    func write(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        guard !StandardStream.closedAtStart.contains(descriptor) else {
            throw Failure(reason: "it is closed")
        }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK {
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                }
                throw Failure(reason: String(cString: strerror(code)))
            }
            offset += written
        }
    }

    /// Writes `text` as UTF-8, or throws with the system's reason.
    func write(_ text: String) throws(Failure) {
        var text = text
        let result: Result<Void, Failure> = text.withUTF8 { buffer in
            Result { () throws(Failure) in try write(UnsafeRawBufferPointer(buffer)) }
        }
        try result.get()
    }

    /// Writes `text`; a failure is dropped (there is nowhere left to report it).
    func writeIgnoringFailure(_ text: String) {
        try? write(text)
    }
}

extension StandardStream {
    /// Writes `text` to standard output, or throws why it cannot (exit status 2); `what` names
    /// the text in that message ("the report", "the results").
    static func print(_ text: String, what: String = "the results") throws {
        do {
            try output.write(text)
        } catch {
            throw cannotWrite(what, error)
        }
    }

    /// Why `what` could not be written to standard output, to throw.
    static func cannotWrite(_ what: String, _ failure: Failure) -> CommandFailure {
        CommandFailure([
            Diagnostic(code: .output, message: "cannot write \(what) to standard output: \(failure.reason)")
        ])
    }
}
