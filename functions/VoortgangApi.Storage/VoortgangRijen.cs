using Azure.Data.Tables;
using VoortgangApi.Core.Model;

namespace VoortgangApi.Storage;

/// <summary>A data set as table rows and back: one mapping for the current data and for snapshots.</summary>
internal static class VoortgangRijen
{
    /// <summary>One row per item; <paramref name="sleutels"/> turns (kind, id) into (partition, row key).</summary>
    public static IEnumerable<TableEntity> Naar(VoortgangData d, Func<string, string, (string Partitie, string Rij)> sleutels)
    {
        TableEntity Rij<T>(string soort, string id, T waarde)
        {
            var (partitie, rij) = sleutels(soort, id);
            return EntityJson.Naar(partitie, rij, waarde);
        }

        return d.Themas.Select(t => Rij(TableKeys.Thema, t.Id, t))
            .Concat(d.Knelpunten.Select(k => Rij(TableKeys.Knelpunt, k.Id, k)))
            .Concat(d.Oplossingsrichtingen.Select(o => Rij(TableKeys.Oplossingsrichting, o.Id, o)))
            .Concat(d.Partijen.Select(p => Rij(TableKeys.Partij, p.Id, p)));
    }

    /// <summary>Rebuilds a data set from rows; <paramref name="soort"/> reads an item's kind from its row, other rows are skipped.</summary>
    public static async Task<VoortgangData> VanAsync(IAsyncEnumerable<TableEntity> rijen, Func<TableEntity, string> soort)
    {
        var themas = new List<Thema>();
        var knelpunten = new List<Knelpunt>();
        var oplossingsrichtingen = new List<Oplossingsrichting>();
        var partijen = new List<Partij>();
        await foreach (var e in rijen)
        {
            switch (soort(e))
            {
                case TableKeys.Thema: themas.Add(EntityJson.Van<Thema>(e)); break;
                case TableKeys.Knelpunt: knelpunten.Add(EntityJson.Van<Knelpunt>(e)); break;
                case TableKeys.Oplossingsrichting: oplossingsrichtingen.Add(EntityJson.Van<Oplossingsrichting>(e)); break;
                case TableKeys.Partij: partijen.Add(EntityJson.Van<Partij>(e)); break;
            }
        }

        return VoortgangOrde.Sorteer(new VoortgangData(themas, knelpunten, oplossingsrichtingen, partijen));
    }
}
