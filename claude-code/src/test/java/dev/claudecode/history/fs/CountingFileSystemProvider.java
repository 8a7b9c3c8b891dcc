package dev.claudecode.history.fs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file system provider that delegates to another one and counts every byte read through it,
 * per file and in total. Paths of this provider refuse {@code toFile()}, so code under test that
 * falls back to {@code java.io.File} fails loudly.
 */
public final class CountingFileSystemProvider extends FileSystemProvider {

    private final FileSystemProvider delegate;
    private final CountingFileSystem fileSystem;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong channelsOpened = new AtomicLong();
    private final Map<String, AtomicLong> bytesByFile = new ConcurrentHashMap<>();
    private final boolean streamOnly;

    private CountingFileSystemProvider(FileSystem delegateFileSystem, boolean streamOnly) {
        this.delegate = delegateFileSystem.provider();
        this.streamOnly = streamOnly;
        this.fileSystem = new CountingFileSystem(this, delegateFileSystem);
    }

    /**
     * Wraps a file system.
     *
     * @param delegateFileSystem the file system to count reads of
     * @return the counting file system
     */
    public static CountingFileSystem wrap(FileSystem delegateFileSystem) {
        return new CountingFileSystemProvider(delegateFileSystem, false).fileSystem;
    }

    /**
     * Wraps a file system whose channels cannot seek and whose streams cannot skip, like the
     * streaming-only file systems some providers offer.
     *
     * @param delegateFileSystem the file system to count reads of
     * @return the counting file system
     */
    public static CountingFileSystem wrapStreamOnly(FileSystem delegateFileSystem) {
        return new CountingFileSystemProvider(delegateFileSystem, true).fileSystem;
    }

    /** @return the bytes read so far, over all files */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** @return how many channels (and streams) were opened */
    public long channelsOpened() {
        return channelsOpened.get();
    }

    /**
     * The bytes read from one file.
     *
     * @param path a path of the delegate file system, as a string
     * @return the bytes read from it so far
     */
    public long bytesRead(String path) {
        AtomicLong count = bytesByFile.get(path);
        return count == null ? 0 : count.get();
    }

    /** Forgets the counts. */
    public void reset() {
        bytesRead.set(0);
        channelsOpened.set(0);
        bytesByFile.clear();
    }

    static Path unwrap(Path path) {
        if (path instanceof CountingPath counting) {
            return counting.delegate();
        }
        throw new java.nio.file.ProviderMismatchException("not a counting path: " + path);
    }

    @Override
    public String getScheme() {
        return "counting";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        return fileSystem;
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Path target = unwrap(path);
        SeekableByteChannel channel = delegate.newByteChannel(target, options, attrs);
        channelsOpened.incrementAndGet();
        AtomicLong perFile = bytesByFile.computeIfAbsent(target.toString(), key -> new AtomicLong());
        return new CountingChannel(channel, perFile);
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        InputStream in = super.newInputStream(path, options);
        if (!streamOnly) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public long skip(long n) {
                throw new UnsupportedOperationException("this file system cannot skip");
            }
        };
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        DirectoryStream<Path> stream = delegate.newDirectoryStream(unwrap(dir), entry -> filter.accept(fileSystem.wrap(entry)));
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                Iterator<Path> entries = stream.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Path next() {
                        return fileSystem.wrap(entries.next());
                    }
                };
            }

            @Override
            public void close() throws IOException {
                stream.close();
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        delegate.createDirectory(unwrap(dir), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        delegate.delete(unwrap(path));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        delegate.copy(unwrap(source), unwrap(target), options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        delegate.move(unwrap(source), unwrap(target), options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        return delegate.isSameFile(unwrap(path), unwrap(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        return delegate.isHidden(unwrap(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        return delegate.getFileStore(unwrap(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        delegate.checkAccess(unwrap(path), modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return delegate.getFileAttributeView(unwrap(path), type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        return delegate.readAttributes(unwrap(path), type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return delegate.readAttributes(unwrap(path), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        delegate.setAttribute(unwrap(path), attribute, value, options);
    }

    /** Counts what passes through a delegate channel. */
    private final class CountingChannel implements SeekableByteChannel {
        private final SeekableByteChannel channel;
        private final AtomicLong perFile;

        CountingChannel(SeekableByteChannel channel, AtomicLong perFile) {
            this.channel = channel;
            this.perFile = perFile;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = channel.read(dst);
            if (n > 0) {
                bytesRead.addAndGet(n);
                perFile.addAndGet(n);
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return channel.write(src);
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            if (streamOnly) {
                throw new UnsupportedOperationException("this file system cannot seek");
            }
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            channel.truncate(size);
            return this;
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
