using VoortgangApi.Core.Historie;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>Who a test that calls the core directly (no HTTP, so no token) records as the writer.</summary>
public static class Testvastlegger
{
    public static Vastlegger Test { get; } = new("test", "test");
}
