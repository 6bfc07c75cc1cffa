import CTestSupport
import Foundation
import Glibc

/// A real terminal for end-to-end tests: a detached tmux session on a private server socket.
public final class TmuxSession: Sendable {
    public let socket: String

    /// Starts `command` (run by `sh -c`) in a new session of the given size; the pane stays after exit.
    /// - Throws: when tmux cannot start.
    public init(command: String, width: Int = 100, height: Int = 30) throws {
        socket = "meteo-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // The server that new-session starts would hold an output pipe open forever: no pipe for it.
        try tmux(
            ["-f", "/dev/null", "new-session", "-d", "-x", String(width), "-y", String(height), command], output: false)
        try tmux(["set-option", "-g", "remain-on-exit", "on"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// The screen as text, one string per row.
    public func capture() -> [String] {
        ((try? tmux(["capture-pane", "-p"])) ?? "").components(separatedBy: "\n")
    }

    public func send(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

    /// Types `text` literally.
    public func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-x", String(width), "-y", String(height)])
    }

    /// The exit status of a program started with `TmuxSession.reportingExit(_:)`, once it has exited:
    /// the shell around it prints `meteo-exit=N` on the restored screen.
    public var exitStatus: Int32? {
        for line in capture() {
            guard let range = line.range(of: "meteo-exit=") else { continue }
            return Int32(line[range.upperBound...].trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// `command` run by a shell that reports its exit status when it ends.
    public static func reportingExit(_ command: String) -> String {
        "/bin/sh -c '\(command); echo meteo-exit=$?'"
    }

    /// The pid of the program the pane's shell runs.
    public var programPID: Int32? {
        guard
            let shell = Int32(
                (try? tmux(["display-message", "-p", "#{pane_pid}"]))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Polls the screen until `condition` holds; `false` after `timeout` seconds.
    @discardableResult
    public func waitFor(timeout: Double = 10, _ condition: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(capture()) { return true }
            usleep(30_000)
        }
        return condition(capture())
    }

    /// Polls until the screen shows `text` somewhere.
    @discardableResult
    public func waitFor(text: String, timeout: Double = 10) -> Bool {
        waitFor(timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// Runs tmux with posix_spawn, closing every inherited descriptor above stderr in the child.
    ///
    /// Foundation's Process would hand the tmux server (a daemon forked by the first client) the
    /// descriptor it watches for the child's exit, so waiting would never end; and the server must not
    /// keep other tests' sockets open either.
    @discardableResult
    private func tmux(_ arguments: [String], output: Bool = true) throws -> String {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(.EIO) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if output {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        meteo_spawn_close_from(&actions, 3)
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, argv, environ)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            throw POSIXError(.ENOENT)
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fds[0], &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        guard status == 0 else { throw POSIXError(.EIO) }
        return String(decoding: data, as: UTF8.self)
    }
}
