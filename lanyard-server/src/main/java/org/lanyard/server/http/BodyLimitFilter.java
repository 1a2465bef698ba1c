package org.lanyard.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies at {@link #LIMIT} bytes before anything reads them: a declared
 * Content-Length above it is refused at once with 413 problem+json, and a chunked body stops
 * being read when it passes the limit. Nothing Lanyard accepts comes near it (a CSR is at most
 * 64 KiB, an OCSP request 8 KiB).
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    public static final long LIMIT = 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT) {
            refuse(response);
            return;
        }
        chain.doFilter(new Limited(request), response);
    }

    static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.setHeader("Connection", "close");
        response.getOutputStream().write(("{\"type\":\"" + Problems.TYPE_PREFIX + "request-too-large\",\"title\":"
                + "\"Request too large\",\"status\":413,\"code\":\"request-too-large\",\"detail\":\"request bodies are "
                + "limited to " + LIMIT + " bytes\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Thrown when a chunked body passes the limit; {@link Problems} answers 413. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("request body larger than " + LIMIT + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > LIMIT) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
