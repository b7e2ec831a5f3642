"""The English pages: segmenting them into units, required sections, care cards, placeholders."""
