using Microsoft.Extensions.Logging;
using VoortgangApi.Core.OpenData;
using VoortgangApi.Core.Programmas;
using VoortgangApi.Core.Queries;
using VoortgangApi.OpenData;
using VoortgangApi.Storage;

namespace VoortgangApi.Functions.Programmas;

/// <summary>
/// The open data above the programmes: one DCAT catalogue of every programme (their own catalogues merged) and an index
/// page of every programme with its latest letter, in <c>programmas/</c>. Rewritten after a publication and by the
/// timer, only where the bytes change; a failure is logged and caught up by the next run, never fails a publication.
/// </summary>
public sealed class Programmaoverzicht(
    Programmabeheer beheer, Programmaregister register, IOpenDataStore container, OpenDataInstellingen basis, ILogger<Programmaoverzicht> logger)
{
    public async Task WerkBijAsync(CancellationToken ct)
    {
        var catalogi = new List<byte[]>();
        var regels = new List<Indexregel>();
        foreach (var p in await AlleAsync(ct))
        {
            var map = StorageRegistratie.OpenDataMap(register.Context(p.Id));
            if (await container.LeesAsync(map + Layout.Catalogus, ct) is { } catalogus)
            {
                catalogi.Add(catalogus);
            }

            regels.Add(new Indexregel(p.Titel, p.Ministeries, p.LaatsteBrief?.Titel, p.LaatsteBrief?.Peildatum,
                basis.Url(map + "v1/index.html"), basis.Url(map + Layout.Catalogus), $"{basis.ApiBasisUrl}/programmas/{p.Id}"));
        }

        await container.VervangAlsAndersAsync(Catalogus.AllePad, Catalogus.Voeg(catalogi, basis), "application/ld+json; charset=utf-8", ct);
        foreach (var (pad, inhoud, type) in Programmaindex.Bestanden(regels, basis.ApiBasisUrl))
        {
            await container.VervangAlsAndersAsync(pad, inhoud, type, ct);
        }
    }

    /// <summary>Best effort: after a publication the overview follows; when it cannot, the timer's next run does.</summary>
    public async Task ProbeerAsync(CancellationToken ct)
    {
        try
        {
            await WerkBijAsync(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Overzicht van de programma's niet bijgewerkt ({Fout}); de timer probeert het opnieuw", ex.GetType().Name);
            logger.LogDebug(ex, "Details van het mislukte overzicht van de programma's");
        }
    }

    private async Task<List<ProgrammaSamenvatting>> AlleAsync(CancellationToken ct)
    {
        var alle = new List<ProgrammaSamenvatting>();
        for (var page = 1; ; page++)
        {
            var query = new Parameters(new Dictionary<string, IReadOnlyList<string?>>
            {
                ["page"] = [page.ToString(System.Globalization.CultureInfo.InvariantCulture)], ["pageSize"] = ["100"],
            }, Programmabeheer.LijstParameters);
            var pagina = (await beheer.LijstAsync(query, ct)).Waarde!;
            alle.AddRange(pagina.Items);
            if (page >= pagina.AantalPaginas)
            {
                return alle;
            }
        }
    }
}
