export function defineCommand(spec) {
    return {
        name: spec.command.split(' ')[0],
        command: spec.command,
        describe: spec.describe,
        register: (parser, io, done) => parser.command(spec.command, spec.describe, spec.builder, (args) => {
            // A synchronous handler stays synchronous: yargs reports its errors the same way as before.
            const exitCode = spec.handler(args, io);
            if (typeof exitCode === 'number')
                done(exitCode);
            else
                return exitCode.then(done);
        }),
    };
}
//# sourceMappingURL=command.js.map