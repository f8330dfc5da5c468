/*
 * The default document, data/cybersecurity2018.yaml, carried read-only in
 * the binary.  embed_doc_end marks its end; a NUL follows it so the bytes
 * can also be read as a C string.  The Makefile names the data file as a
 * prerequisite, since gcc -MMD does not see .incbin.
 */
	.section .rodata
	.global embed_doc
	.global embed_doc_end
	.type embed_doc, @object
embed_doc:
	.incbin "data/cybersecurity2018.yaml"
embed_doc_end:
	.byte 0
	.size embed_doc, . - embed_doc

	.section .note.GNU-stack,"",@progbits
