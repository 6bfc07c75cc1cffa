import CTestSupport
public import Foundation

/// Runs a program to its end with `posix_spawn`, descriptors from 3 up closed in the child.
///
/// Foundation's Process would hand a daemon the child forks (tmux's server, PostgreSQL's postmaster) the
/// descriptor it watches for the child's exit, so waiting would never end; and the daemon must not keep other
/// tests' sockets open either.
public enum Spawn {
    /// The exit status and standard output (standard error when `mergeErrors`) of `arguments`.
    public static func run(
        _ executable: String, _ arguments: [String], mergeErrors: Bool = false, environment: [String: String]? = nil
    ) throws -> (status: Int32, output: String) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(.EIO) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        if mergeErrors {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        meteo_spawn_close_from(&actions, 3)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let envp = environment.map { TestRun.marked($0).map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { for pointer in envp ?? [] { free(pointer) } }
        var pid: pid_t = 0
        let spawned =
            if let envp {
                posix_spawnp(&pid, executable, &actions, nil, argv, envp)
            } else {
                posix_spawnp(&pid, executable, &actions, nil, argv, environ)
            }
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
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exit, String(decoding: data, as: UTF8.self))
    }
}
