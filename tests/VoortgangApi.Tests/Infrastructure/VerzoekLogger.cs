using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>Records what the server answered (method, path, status) from ASP.NET Core's own request log.</summary>
public sealed class VerzoekLogger : ILoggerProvider, ILogger
{
    public ConcurrentQueue<(string Methode, string Pad, int Status)> Antwoorden { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is IReadOnlyList<KeyValuePair<string, object?>> velden && velden.Any(v => v.Key == "StatusCode") && velden.Any(v => v.Key == "Path"))
        {
            var waarde = velden.ToDictionary(v => v.Key, v => v.Value);
            Antwoorden.Enqueue((waarde.GetValueOrDefault("Method")?.ToString() ?? "", waarde["Path"]?.ToString() ?? "", Convert.ToInt32(waarde["StatusCode"], System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public void Dispose()
    {
    }
}
