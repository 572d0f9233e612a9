using System.Net;
using System.Net.Sockets;

namespace VoortgangApi.Core.Volgen;

/// <summary>
/// Which callbacks the API may call: https only (http only where loopback is allowed, locally), no user info, no
/// fragment, and never an address inside a network — loopback, private (RFC 1918, ULA), link-local (with the cloud
/// metadata address 169.254.169.254), unspecified (0.0.0.0, ::), CGNAT, multicast, reserved — checked on the URL and
/// again on every address a name resolves to, at subscription and at each delivery (a name can change its answer).
/// </summary>
public static class Adresregels
{
    public const int MaxLengte = 2000;

    /// <summary>Why this URL cannot be a callback, or null when it can (before DNS).</summary>
    public static string? Fout(string? callback, bool loopbackToegestaan)
    {
        if (string.IsNullOrWhiteSpace(callback))
        {
            return "geef de URL waarop u berichten wilt ontvangen.";
        }

        if (callback.Length > MaxLengte || !Uri.TryCreate(callback, UriKind.Absolute, out var uri))
        {
            return $"geen absolute URL (hoogstens {MaxLengte} tekens).";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(loopbackToegestaan && uri.Scheme == Uri.UriSchemeHttp))
        {
            return "alleen https.";
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "zonder gebruikersnaam, wachtwoord of #fragment.";
        }

        return IPAddress.TryParse(uri.IdnHost, out var ip) && IsVerboden(ip, loopbackToegestaan)
            ? $"het adres {ip} ligt in een intern netwerk (loopback, privé, link-local of metadata); dat roept de API nooit aan."
            : null;
    }

    /// <summary>Whether an address is one the API never connects to.</summary>
    public static bool IsVerboden(IPAddress ip, bool loopbackToegestaan)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (IPAddress.IsLoopback(ip))
        {
            return !loopbackToegestaan;
        }

        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => true,                          // "this network" (0.0.0.0/8), private, loopback
                100 => b[1] is >= 64 and <= 127,                 // carrier-grade NAT 100.64.0.0/10
                169 => b[1] == 254,                              // link-local, with the metadata address 169.254.169.254
                172 => b[1] is >= 16 and <= 31,                  // private
                192 => b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2) || (b[1] == 88 && b[2] == 99), // private, IETF, TEST-NET-1, 6to4 relay
                198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100), // benchmarking, TEST-NET-2
                203 => b[1] == 0 && b[2] == 113,                 // TEST-NET-3
                >= 224 => true,                                  // multicast, reserved, broadcast
                _ => false,
            };
        }

        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = ip.GetAddressBytes();
            // An IPv4 address inside IPv6 (NAT64 64:ff9b::/96, 6to4 2002::/16) is judged as that IPv4 address.
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.Skip(4).Take(8).All(x => x == 0))
            {
                return IsVerboden(new IPAddress(b[12..]), loopbackToegestaan);
            }

            if (b[0] == 0x20 && b[1] == 0x02)
            {
                return IsVerboden(new IPAddress(b[2..6]), loopbackToegestaan);
            }

            return ip.Equals(IPAddress.IPv6None) || ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC                          // unique local fc00::/7
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // documentation 2001:db8::/32
                || (b[0] == 0x00 && b.Take(12).All(x => x == 0)); // ::, ::1 handled above, IPv4-compatible ::a.b.c.d
        }

        return true;
    }
}
