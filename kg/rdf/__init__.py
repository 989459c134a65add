"""The RDF layer: vocabulary, ArticleGraph -> rdflib.Graph, reading and writing, SHACL."""
