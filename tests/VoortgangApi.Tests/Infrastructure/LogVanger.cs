using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>Keeps the log lines of the categories that start with a prefix (the worker's arrive at the host under their own category).</summary>
public sealed class LogVanger(string prefix) : ILoggerProvider
{
    private TaskCompletionSource _nieuw = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<(string Categorie, LogLevel Niveau, string Bericht)> Regels { get; } = new();

    /// <summary>
    /// Waits (bounded) until the lines satisfy a condition. The worker's lines travel as RpcLog over the gRPC stream and
    /// may arrive just after the HTTP answer they belong to; they arrive in the order the worker wrote them.
    /// </summary>
    public async Task WachtAsync(Func<bool> voorwaarde, TimeSpan limiet)
    {
        var tot = DateTime.UtcNow + limiet;
        while (!voorwaarde())
        {
            var nieuw = Volatile.Read(ref _nieuw).Task;
            if (voorwaarde())
            {
                return;
            }

            var rest = tot - DateTime.UtcNow;
            if (rest <= TimeSpan.Zero || await Task.WhenAny(nieuw, Task.Delay(rest)) != nieuw)
            {
                return; // the caller's assertion says what was missing
            }
        }
    }

    private void Voeg(string categorie, LogLevel niveau, string bericht)
    {
        Regels.Enqueue((categorie, niveau, bericht));
        Interlocked.Exchange(ref _nieuw, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogVanger vanger, string categorie) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => categorie.StartsWith(vanger.Prefix, StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                vanger.Voeg(categorie, logLevel, formatter(state, exception));
            }
        }
    }

    private string Prefix => prefix;
}
