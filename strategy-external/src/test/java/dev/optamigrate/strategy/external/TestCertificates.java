package dev.optamigrate.strategy.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority and a server certificate it signed for the name {@code localhost} only (so
 * that {@code 127.0.0.1} is a name it does not cover), written as PEM files for PostgreSQL and for the client.
 *
 * @param caCertificate     the CA's certificate, what a client trusts
 * @param serverCertificate the server's certificate
 * @param serverKey         the server's private key (mode 0600, as PostgreSQL demands)
 */
record TestCertificates(Path caCertificate, Path serverCertificate, Path serverKey) {

    static TestCertificates create(Path directory, String name) {
        try {
            KeyPair caKeys = keys();
            X500Name caName = new X500Name("CN=" + name + " test CA");
            X509Certificate ca = sign(new JcaX509v3CertificateBuilder(caName, serial(), from(), until(), caName,
                    caKeys.getPublic()).addExtension(Extension.basicConstraints, true, new BasicConstraints(true)),
                    caKeys);
            KeyPair serverKeys = keys();
            X509Certificate server = sign(new JcaX509v3CertificateBuilder(caName, serial(), from(), until(),
                    new X500Name("CN=localhost"), serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                            new GeneralName(GeneralName.dNSName, "localhost"))), caKeys);
            Path key = write(directory.resolve(name + "-server.key"), new JcaPKCS8Generator(serverKeys.getPrivate(),
                    null).generate());
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            return new TestCertificates(write(directory.resolve(name + "-ca.crt"), ca),
                    write(directory.resolve(name + "-server.crt"), server), key);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create test certificates", e);
        }
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    private static Path write(Path file, Object pem) {
        try (Writer writer = Files.newBufferedWriter(file); JcaPEMWriter out = new JcaPEMWriter(writer)) {
            out.writeObject(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(System.nanoTime());
    }

    private static Date from() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date until() {
        return Date.from(Instant.now().plus(Duration.ofDays(1)));
    }
}
