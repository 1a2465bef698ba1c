package org.lanyard.app.acme;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.lanyard.core.acme.AcmeError;
import org.lanyard.core.acme.CaaLookup;
import org.lanyard.core.acme.CaaRecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS for validation: TXT (dns-01), CAA (RFC 8659) and addresses (http-01, tls-alpn-01), sent
 * to the configured resolver, or the system's. One query per call and no cache, so each check
 * sees the records as they are now.
 */
public final class DnsClient implements CaaLookup {

    private final Resolver resolver;
    private final boolean system;

    public DnsClient(InetSocketAddress address) {
        this.system = address == null;
        Resolver r;
        if (address == null) {
            r = new ExtendedResolver();
        } else {
            r = new SimpleResolver(address);
        }
        r.setTimeout(Duration.ofSeconds(5));
        this.resolver = r;
    }

    @Override
    public List<CaaRecord> lookup(String name) {
        List<CaaRecord> out = new ArrayList<>();
        for (Record r : query(name, Type.CAA)) {
            if (r instanceof CAARecord caa) {
                out.add(new CaaRecord(caa.getFlags(), caa.getTag(), caa.getValue()));
            }
        }
        return out;
    }

    public List<String> txt(String name) {
        List<String> out = new ArrayList<>();
        for (Record r : query(name, Type.TXT)) {
            if (r instanceof TXTRecord txt) {
                out.add(String.join("", txt.getStrings()));
            }
        }
        return out;
    }

    /** The addresses of {@code name}: from the configured resolver, else the system's (with /etc/hosts). */
    public List<InetAddress> addresses(String name) {
        if (system) {
            try {
                return List.of(InetAddress.getAllByName(name));
            } catch (UnknownHostException e) {
                throw AcmeError.DNS.exception("no address for " + name);
            }
        }
        List<InetAddress> out = new ArrayList<>();
        for (Record r : query(name, Type.A)) {
            if (r instanceof ARecord a) {
                out.add(a.getAddress());
            }
        }
        if (out.isEmpty()) {
            for (Record r : query(name, Type.AAAA)) {
                if (r instanceof AAAARecord a) {
                    out.add(a.getAddress());
                }
            }
        }
        if (out.isEmpty()) {
            throw AcmeError.DNS.exception("no A or AAAA record for " + name);
        }
        return out;
    }

    private List<Record> query(String name, int type) {
        Message response;
        try {
            Record question = Record.newRecord(Name.fromString(name.endsWith(".") ? name : name + "."), type, DClass.IN);
            response = resolver.send(Message.newQuery(question));
        } catch (TextParseException e) {
            throw AcmeError.DNS.exception("'" + name + "' is not a DNS name");
        } catch (IOException e) {
            throw AcmeError.DNS.exception("DNS query for " + Type.string(type) + " " + name + " failed: " + e.getMessage());
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return List.of();
        }
        if (rcode != Rcode.NOERROR) {
            throw AcmeError.DNS.exception("DNS query for " + Type.string(type) + " " + name + " answered "
                    + Rcode.string(rcode));
        }
        List<Record> out = new ArrayList<>();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r.getType() == type) {
                out.add(r);
            }
        }
        return out;
    }
}
