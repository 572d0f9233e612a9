using VoortgangApi.Core.OpenData;

namespace VoortgangApi.Tests.Infrastructure;

/// <summary>
/// Counts the blob calls a publication makes, passing each one on to the real store. Shared with the benchmark
/// (linked into bench/VoortgangApi.Bench), so the test's bound and the bench's figure count the same thing.
/// </summary>
internal sealed class TellendeOpenDataStore(IOpenDataStore echt) : IOpenDataStore
{
    private int _aanroepen;

    public int Aanroepen => _aanroepen;

    public Task<bool> MaakAanAsync(string pad, byte[] inhoud, string contentType, CancellationToken ct) => Tel(echt.MaakAanAsync(pad, inhoud, contentType, ct));

    public Task<bool> VervangAlsAndersAsync(string pad, byte[] inhoud, string contentType, CancellationToken ct) => Tel(echt.VervangAlsAndersAsync(pad, inhoud, contentType, ct));

    public Task<byte[]?> LeesAsync(string pad, CancellationToken ct) => Tel(echt.LeesAsync(pad, ct));

    public Task<IReadOnlyList<OpenDataBlob>> LijstAsync(string prefix, CancellationToken ct) => Tel(echt.LijstAsync(prefix, ct));

    public Task<(byte[] Inhoud, string Versie)?> LeesMetVersieAsync(string pad, CancellationToken ct) => Tel(echt.LeesMetVersieAsync(pad, ct));

    public Task<bool> SchrijfAlsOngewijzigdAsync(string pad, byte[] inhoud, string contentType, string? verwachteVersie, CancellationToken ct) =>
        Tel(echt.SchrijfAlsOngewijzigdAsync(pad, inhoud, contentType, verwachteVersie, ct));

    private T Tel<T>(T waarde)
    {
        Interlocked.Increment(ref _aanroepen);
        return waarde;
    }
}
