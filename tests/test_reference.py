import pytest

from oppilashuolto import reference
from oppilashuolto.errors import ValidationError


class TestReference:
    def test_counts(self):
        """308 municipalities, 19 regions, 21 counties and Helsinki."""
        assert (308, 19, 22) == (
            len(reference.municipalities()),
            len(reference.regions()),
            len(reference.wellbeing_counties()),
        )

    def test_lookup_by_code_and_name(self):
        """A code and a Swedish name find the same municipality."""
        assert reference.municipality("895") == reference.municipality("Nystad")

    def test_helsinki(self):
        """Helsinki organises its own services: county code 90."""
        assert "90" == reference.municipality("091").wellbeing_county_code

    def test_kouvola_merger(self):
        """The 2009 Kouvola merger lists six predecessors."""
        kouvola = next(m for m in reference.mergers() if m.successor_code == "286")
        assert ("044", "163", "286", "306", "754", "909") == kouvola.predecessor_codes

    def test_pertunmaa(self):
        """Pertunmaa merged into Mäntyharju on 1.1.2025."""
        pertunmaa = reference.municipality("Pertunmaa")
        assert ("507", "2024-12-31") == (
            pertunmaa.merged_into,
            str(pertunmaa.last_day),
        )

    def test_iso_codes_differ(self):
        """Statistics Finland's Päijät-Häme 07 is FI-16 in ISO 3166-2."""
        assert "FI-16" == reference.region("07").iso_3166_2

    def test_unknown(self):
        """An unknown municipality is our error."""
        with pytest.raises(ValidationError, match="Unknown municipality 'Atlantis'"):
            reference.municipality("Atlantis")
