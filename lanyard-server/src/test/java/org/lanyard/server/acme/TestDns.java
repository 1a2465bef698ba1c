package org.lanyard.server.acme;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A DNS server on 127.0.0.1 the tests control: every A query answers 127.0.0.1, TXT and CAA
 * come from maps the test fills, and every query is counted by name and type.
 */
public final class TestDns implements AutoCloseable {

    public final Map<String, List<String>> txt = new ConcurrentHashMap<>();
    public final Map<String, List<CAARecord>> caa = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> queries = new ConcurrentHashMap<>();
    private final DatagramSocket socket;
    private final Thread thread;

    public TestDns() throws Exception {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    public void addCaa(String name, String tag, String value) throws Exception {
        caa.computeIfAbsent(key(name), k -> new CopyOnWriteArrayList<>())
                .add(new CAARecord(Name.fromString(key(name)), DClass.IN, 60, 0, tag, value));
    }

    public void setTxt(String name, String value) {
        txt.put(key(name), List.of(value));
    }

    /** How many queries of {@code type} ("CAA", "TXT", "A") for exactly {@code name} arrived. */
    public int count(String name, String type) {
        AtomicInteger n = queries.get(type + " " + key(name));
        return n == null ? 0 : n.get();
    }

    public void resetCounts() {
        queries.clear();
    }

    private static String key(String name) {
        return (name.endsWith(".") ? name : name + ".").toLowerCase();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                String name = question.getName().toString().toLowerCase();
                queries.computeIfAbsent(Type.string(question.getType()) + " " + name, k -> new AtomicInteger())
                        .incrementAndGet();
                Message answer = new Message(query.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.getHeader().setFlag(Flags.AA);
                answer.getHeader().setFlag(Flags.RA);
                answer.addRecord(question, Section.QUESTION);
                switch (question.getType()) {
                    case Type.A -> answer.addRecord(new ARecord(question.getName(), DClass.IN, 60,
                            InetAddress.getByName("127.0.0.1")), Section.ANSWER);
                    case Type.TXT -> {
                        for (String v : txt.getOrDefault(name, List.of())) {
                            answer.addRecord(new TXTRecord(question.getName(), DClass.IN, 60, v), Section.ANSWER);
                        }
                    }
                    case Type.CAA -> {
                        for (CAARecord r : caa.getOrDefault(name, List.of())) {
                            answer.addRecord(r, Section.ANSWER);
                        }
                    }
                    default -> {
                    }
                }
                byte[] wire = answer.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (Exception e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
