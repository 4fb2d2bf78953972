package archive

import "io"

// A Sink is where a rewritten archive goes, whatever its container: the
// custom format's [*Writer], and the directory, tar and plain-script
// writers. Data entries are written one stream each (WriteData), large
// objects through an [ObjectSink] (WriteObjects), and Close ends the
// archive. A Sink's streams are written one at a time unless its own
// documentation says otherwise.
type Sink interface {
	// WriteData starts the data stream of the entry with dumpID (a TABLE
	// DATA entry, or any data entry but BLOBS). Close ends it.
	WriteData(dumpID int) (io.WriteCloser, error)
	// WriteObjects starts the large objects of the BLOBS entry dumpID.
	WriteObjects(dumpID int) (ObjectSink, error)
	// Close ends the archive.
	Close() error
}

// An ObjectSink writes the large objects of one BLOBS entry, one at a time.
type ObjectSink interface {
	// Object starts the large object oid; what is written to the returned
	// stream is its contents, and Close ends it. An object closed without a
	// write is empty.
	Object(oid uint32) (io.WriteCloser, error)
	// Close ends the entry's large objects.
	Close() error
}

var _ Sink = (*Writer)(nil)
